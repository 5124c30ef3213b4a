using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.IO;
using VenvStacks.Packaging;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Drops the rows of removed files from every installed distribution's <c>RECORD</c>
/// (<c>&lt;site-packages&gt;/*.dist-info/RECORD</c>; docs/venvstacks-reference.md §3.8), so uninstallers and verifiers
/// do not look for them. Row paths are resolved against site-packages lexically, with either separator. A row is
/// dropped when its file was removed or lies inside a removed folder (venvstacks only drops exact matches, and also
/// searches every folder for files named RECORD, e.g. vendored copies whose rows are not relative to site-packages).
/// Files with nothing to drop are left untouched.
/// </summary>
internal static class InstalledRecordRewriter
{
    /// <summary>Rewrites the RECORD files that listed removed paths and returns them.</summary>
    /// <exception cref="LayerEnvironmentException">VSTK3044: a RECORD that cannot be parsed.</exception>
    public static async Task<IReadOnlyList<string>> RewriteAsync(
        string sitePackages,
        IReadOnlyCollection<string> removedPaths,
        CancellationToken cancellationToken)
    {
        if (removedPaths.Count == 0 || !Directory.Exists(sitePackages))
        {
            return [];
        }

        var removed = removedPaths.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var removedParents = removed.Select(p => Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar).Distinct().ToArray();
        var rewritten = new List<string>();
        var records = Directory.EnumerateDirectories(sitePackages, "*.dist-info")
            .Select(d => Path.Combine(d, "RECORD"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
        foreach (var recordPath in records)
        {
            var text = await File.ReadAllTextAsync(recordPath, cancellationToken).ConfigureAwait(false);
            RecordFile record;
            try
            {
                record = RecordFile.Parse(text);
            }
            catch (PackagingFormatException ex)
            {
                var line = 1 + ex.Input.AsSpan(0, ex.Position).Count('\n');
                throw new LayerEnvironmentException(
                    DiagnosticCodes.InvalidInstalledRecord,
                    $"{recordPath}({line}): {ex.Message}",
                    recordPath,
                    new SourceLocation(recordPath, line, 1, line, 1),
                    ex);
            }

            var kept = record.Entries.Where(e => !IsRemoved(Resolve(sitePackages, e.Path), removed, removedParents)).ToArray();
            if (kept.Length == record.Entries.Count)
            {
                continue;
            }

            await AtomicFile.WriteIfChangedAsync(recordPath, new RecordFile(kept).ToString(), cancellationToken).ConfigureAwait(false);
            rewritten.Add(recordPath);
        }

        return rewritten;
    }

    private static string Resolve(string sitePackages, string recordedPath)
    {
        var native = recordedPath.Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar);
        return Path.GetFullPath(native, sitePackages);
    }

    // Removed entries all sit directly in the scripts folder, so most rows are decided by that prefix alone.
    private static bool IsRemoved(string path, HashSet<string> removed, string[] removedParents)
    {
        if (!removedParents.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        for (var current = path; current is not null; current = Path.GetDirectoryName(current))
        {
            if (removed.Contains(current))
            {
                return true;
            }
        }

        return false;
    }
}
