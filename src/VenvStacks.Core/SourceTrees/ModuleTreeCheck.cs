using System.Globalization;

namespace VenvStacks.Core.SourceTrees;

/// <summary>
/// Checks a module folder before anything hashes or copies it: every entry the source filter keeps can be read,
/// no symbolic link leads nowhere, and the tree stays within <see cref="ModuleTreeLimits"/>. The walk stops at the
/// first problem, so a huge folder costs no more than the limit.
/// </summary>
public static class ModuleTreeCheck
{
    /// <summary>The first problem in <paramref name="folder"/>, or null when it is usable.</summary>
    public static ModuleTreeProblem? FindProblem(string folder, SourceTreeFilter filter, ModuleTreeLimits limits, CancellationToken cancellationToken = default)
    {
        var entries = 0;
        long bytes = 0;
        var current = folder;
        try
        {
            foreach (var step in filter.Walk(folder, cancellationToken))
            {
                current = step.Path;
                if (step.Skipped.FirstOrDefault(s => s.Kind == FileSystemEntryKind.BrokenLink) is { } broken)
                {
                    var link = Path.Combine(step.Path, broken.Name);
                    return new ModuleTreeProblem(ModuleTreeProblemKind.BrokenLink, link, DescribeBrokenLink(link));
                }

                entries += step.Subfolders.Count + step.Files.Count;
                bytes += step.FileBytes;
                if (entries > limits.MaxEntries)
                {
                    return new ModuleTreeProblem(
                        ModuleTreeProblemKind.TooManyEntries,
                        folder,
                        string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxEntries} files and folders"));
                }

                if (bytes > limits.MaxBytes)
                {
                    return new ModuleTreeProblem(
                        ModuleTreeProblemKind.TooManyBytes,
                        folder,
                        string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxBytes / (1024 * 1024)} MiB of files"));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ModuleTreeProblem(ModuleTreeProblemKind.Unreadable, current, ex.Message);
        }

        return null;
    }

    /// <summary>Where a broken link points, and why that does not work.</summary>
    public static string DescribeBrokenLink(string link)
    {
        var target = new FileInfo(link).LinkTarget ?? string.Empty;
        try
        {
            _ = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true);
            return $"it points to '{target}', which does not exist";
        }
        catch (IOException)
        {
            return $"it points to '{target}', a loop of links that never reaches a file or folder";
        }
    }
}
