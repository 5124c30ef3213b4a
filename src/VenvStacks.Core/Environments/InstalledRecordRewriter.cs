using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.IO;
using VenvStacks.Packaging;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Drops the rows of removed files from every installed distribution's <c>RECORD</c> below site-packages
/// (docs/venvstacks-reference.md §3.8), so uninstallers and verifiers do not look for them. Row paths are resolved
/// against site-packages lexically, with either separator. A row is dropped when its file was removed or lies inside
/// a removed folder (venvstacks only drops exact matches). Files with nothing to drop are left untouched.
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

        var removed = removedPaths.Select(Path.GetFullPath).ToArray();
        var rewritten = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchType = MatchType.Simple, AttributesToSkip = 0 };
        foreach (var recordPath in Directory.EnumerateFiles(sitePackages, "RECORD", options).Order(StringComparer.Ordinal))
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

            var kept = record.Entries.Where(e => !IsRemoved(Resolve(sitePackages, e.Path), removed)).ToArray();
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

    private static bool IsRemoved(string path, string[] removed) =>
        removed.Any(r => path == r || path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
