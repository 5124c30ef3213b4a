using Microsoft.Build.Utilities;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs;

namespace VenvStacks.Tasks;

/// <summary>Loads the stack spec named by a task parameter and reports what is wrong with it.</summary>
internal static class StackSpecInput
{
    /// <summary>
    /// Loads <paramref name="specPath"/> (relative paths are taken from the project's folder, never from the process's
    /// current folder), logs every diagnostic, and returns the spec when it has no errors.
    /// </summary>
    public static StackSpec? Load(TaskLoggingHelper log, string projectFile, string specPath) =>
        Load(log, projectFile, specPath, StackSpecLoadOptions.FromProcessEnvironment(), logWarnings: true);

    /// <summary>
    /// Loads the spec with explicit options. With <paramref name="logWarnings"/> false only errors are logged: for
    /// tasks that run after ResolveStackLayers, which has already reported the spec's warnings once.
    /// </summary>
    public static StackSpec? Load(TaskLoggingHelper log, string projectFile, string specPath, StackSpecLoadOptions options, bool logWarnings)
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile)) ?? string.Empty;
        var fullPath = Path.GetFullPath(specPath, projectDirectory);

        var result = StackSpecLoader.Load(fullPath, options);
        DiagnosticLog.LogAll(log, logWarnings ? result.Diagnostics : result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), fullPath);
        return result.HasErrors ? null : result.Spec;
    }
}
