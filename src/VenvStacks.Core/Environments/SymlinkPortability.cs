using System.IO.Enumeration;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Makes the links in a layer portable (docs/venvstacks-reference.md §3.8): a link whose target lies inside the build
/// folder becomes relative (if it was absolute), so the layers can move together; a link to anything outside the build
/// folder is replaced by a hard link to its final target (a copy where hard links are impossible), so the layer does
/// not depend on this machine. Targets are compared lexically (<c>..</c> collapsed, links not followed).
/// </summary>
internal static class SymlinkPortability
{
    /// <summary>Rewrites the links below <paramref name="environmentPath"/>; returns the links made relative and those replaced.</summary>
    /// <exception cref="LayerEnvironmentException">VSTK3046: an outside link is dangling or points at a folder.</exception>
    public static async Task<(IReadOnlyList<string> MadeRelative, IReadOnlyList<string> Replaced)> ConvertAsync(
        string environmentPath,
        string buildDirectory,
        CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(buildDirectory));
        var madeRelative = new List<string>();
        var outside = new List<(string Link, string Target)>();
        // Collected first: the loop replaces links in the folders being listed.
        foreach (var link in Links(environmentPath).ToList())
        {
            var target = new FileInfo(link).LinkTarget!;
            var folder = Path.GetDirectoryName(link)!;
            var absolute = Path.GetFullPath(target, folder);
            if (absolute == root || absolute.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                if (Path.IsPathRooted(target))
                {
                    FileSystemEntries.ReplaceWithSymbolicLink(link, Path.GetRelativePath(folder, absolute));
                    madeRelative.Add(link);
                }
            }
            else
            {
                // Resolved first, replaced afterwards: a chain of links inside the layer keeps working until the end.
                outside.Add((link, FinalTarget(link)));
            }
        }

        foreach (var (link, target) in outside)
        {
            File.Delete(link);
            await HardLinks.CreateOrCopyAsync(link, target, cancellationToken).ConfigureAwait(false);
        }

        return (madeRelative, outside.Select(o => o.Link).ToArray());
    }

    private static string FinalTarget(string link)
    {
        var final = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true);
        if (final is null || !final.Exists || Directory.Exists(final.FullName))
        {
            throw new LayerEnvironmentException(
                DiagnosticCodes.ExternalSymlink,
                $"{link} links to '{new FileInfo(link).LinkTarget}' outside the build folder, which is "
                + (final is not null && Directory.Exists(final.FullName) ? "a folder" : "missing")
                + "; it cannot be replaced by a hard link or copy",
                link);
        }

        return final.FullName;
    }

    // Every link below the folder (links to folders are reported, not followed), straight from the directory entries.
    private static FileSystemEnumerable<string> Links(string environmentPath) =>
        new FileSystemEnumerable<string>(
            environmentPath,
            (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
}
