using Microsoft.Build.Utilities;
using VenvStacks.Core.Specs;

namespace VenvStacks.Tasks;

/// <summary>Loads the stack spec named by a task parameter and reports what is wrong with it.</summary>
internal static class StackSpecInput
{
    /// <summary>
    /// Loads <paramref name="specPath"/> (relative paths are taken from the project's folder, never from the process's
    /// current folder), logs every diagnostic, and returns the spec when it has no errors.
    /// </summary>
    public static StackSpec? Load(TaskLoggingHelper log, string projectFile, string specPath)
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile)) ?? string.Empty;
        var fullPath = Path.GetFullPath(specPath, projectDirectory);

        var result = StackSpecLoader.Load(fullPath, StackSpecLoadOptions.FromProcessEnvironment());
        DiagnosticLog.LogAll(log, result.Diagnostics, fullPath);
        return result.HasErrors ? null : result.Spec;
    }
}
