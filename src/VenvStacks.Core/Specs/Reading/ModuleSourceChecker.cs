using System.Globalization;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.SourceTrees;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// What a launch or support module may be (docs/msbuild.md, "Launch and support modules"): a <c>.py</c> file (any
/// regular file for a support module) or a package folder, apart from the spec's folder and its <c>requirements/</c>
/// lock folder, with no symbolic link that leads nowhere, within <see cref="ModuleTreeLimits.Default"/>. Checked when
/// the spec is read, so nothing later hashes or copies a module that would hang (a named pipe), never end
/// (<c>/dev/zero</c>, <c>/</c>) or change with every lock (the spec's own folder). Each problem is one coded error at
/// the module's path in the spec.
/// </summary>
internal sealed class ModuleSourceChecker(string specDirectory, DiagnosticBag diagnostics)
{
    private SourceTreeFilter? _filter;

    /// <summary>Reports what is wrong with <paramref name="module"/>, if anything.</summary>
    public void Check(ModuleSource module, bool isLaunchModule)
    {
        var what = isLaunchModule ? "Launch module" : "Support module";
        var entry = FileSystemEntry.Inspect(module.FullPath);
        switch (entry.Kind)
        {
            case FileSystemEntryKind.Missing:
                // venvstacks' messages (docs/venvstacks-reference.md §1.5).
                if (isLaunchModule)
                {
                    diagnostics.Error(DiagnosticCodes.MissingLaunchModule, $"Specified launch module '{module.FullPath}' does not exist", module.Location);
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.MissingSupportModule, $"Specified support modules do not exist: '{module.FullPath}'", module.Location);
                }

                return;
            case FileSystemEntryKind.BrokenLink:
                diagnostics.Error(
                    DiagnosticCodes.ModuleBrokenLink,
                    $"{what} '{module.FullPath}' is a symbolic link that leads nowhere: {ModuleTreeCheck.DescribeBrokenLink(module.FullPath)}",
                    module.Location);
                return;
            case FileSystemEntryKind.Special:
                diagnostics.Error(
                    DiagnosticCodes.ModuleNotSource,
                    $"{what} '{module.FullPath}' is a named pipe, socket or device; it must be {Allowed(isLaunchModule)}",
                    module.Location);
                return;
        }

        if (Overlap(module) is { } overlap)
        {
            diagnostics.Error(
                DiagnosticCodes.ModuleOverlapsStack,
                $"{what} '{module.DeclaredPath}' resolves to '{module.FullPath}', which {overlap}; it must be {Allowed(isLaunchModule)} apart from the spec's folder and its requirements/ lock files, which change with every lock",
                module.Location);
            return;
        }

        if (entry.Kind is FileSystemEntryKind.File or FileSystemEntryKind.LinkToFile)
        {
            CheckFile(module, entry, isLaunchModule, what);
            return;
        }

        if (ModuleTreeCheck.FindProblem(module.FullPath, _filter ??= SourceTreeFilter.For(specDirectory), ModuleTreeLimits.Default) is { } problem)
        {
            Report(module, what, problem);
        }
    }

    private static string Allowed(bool isLaunchModule) => isLaunchModule ? "a .py file or a package folder" : "a file or a package folder";

    private void CheckFile(ModuleSource module, FileSystemEntry entry, bool isLaunchModule, string what)
    {
        // `python -m <stem>` finds source modules by their .py suffix only.
        if (isLaunchModule && !module.FullPath.EndsWith(".py", StringComparison.Ordinal))
        {
            diagnostics.Error(
                DiagnosticCodes.ModuleNotSource,
                $"Launch module '{module.FullPath}' is not a .py file; it must be {Allowed(isLaunchModule)} (it is run as 'python -m {module.ModuleName}')",
                module.Location);
            return;
        }

        var limit = ModuleTreeLimits.Default.MaxBytes;
        if (entry.Length > limit)
        {
            diagnostics.Error(
                DiagnosticCodes.ModuleTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"{what} '{module.FullPath}' is too large: more than {limit / (1024 * 1024)} MiB"),
                module.Location);
        }
    }

    private void Report(ModuleSource module, string what, ModuleTreeProblem problem)
    {
        var (code, text) = problem.Kind switch
        {
            ModuleTreeProblemKind.BrokenLink => (
                DiagnosticCodes.ModuleBrokenLink,
                $"{what} '{module.FullPath}' holds a symbolic link that leads nowhere, '{Path.GetRelativePath(specDirectory, problem.Path)}': {problem.Detail}; remove it or make it point at a file or folder"),
            ModuleTreeProblemKind.Unreadable => (
                DiagnosticCodes.ModuleUnreadable,
                $"{what} '{module.FullPath}' cannot be read at '{problem.Path}': {problem.Detail}"),
            _ => (
                DiagnosticCodes.ModuleTooLarge,
                $"{what} '{module.FullPath}' is too large for an application's own sources: {problem.Detail} (after the source filter); point it at the package folder itself"),
        };
        diagnostics.Error(code, text, module.Location);
    }

    // Why the module cannot be told apart from the stack's own files, or null when it can.
    private string? Overlap(ModuleSource module)
    {
        string modulePath, specPath, requirementsPath;
        try
        {
            modulePath = PhysicalPath.Resolve(module.FullPath);
            specPath = PhysicalPath.Resolve(specDirectory);
            requirementsPath = PhysicalPath.Resolve(Path.Combine(specDirectory, "requirements"));
        }
        catch (IOException)
        {
            // A loop of links above the module: the walk reports what it cannot read.
            return null;
        }

        if (PhysicalPath.IsSameOrBelow(specPath, modulePath))
        {
            return PhysicalPath.IsSameOrBelow(modulePath, specPath)
                ? "is the folder of the stack spec itself"
                : $"contains the folder of the stack spec ('{specDirectory}')";
        }

        return PhysicalPath.IsSameOrBelow(modulePath, requirementsPath)
            ? $"lies in the lock folder '{Path.Combine(specDirectory, "requirements")}'"
            : null;
    }
}
