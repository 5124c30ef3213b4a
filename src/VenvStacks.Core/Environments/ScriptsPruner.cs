namespace VenvStacks.Core.Environments;

/// <summary>
/// Removes everything from a layer's scripts folder (<c>bin</c> or <c>Scripts</c>) but the Python entry points
/// (docs/venvstacks-reference.md §3.8): every folder, and every file whose lower-case name does not start with
/// <c>python</c>. Console scripts, activation scripts, <c>pip</c>, <c>idle3</c> and the like hold absolute paths or
/// assume an activated environment, so they are not portable; applications run with <c>python -m</c>.
/// </summary>
internal static class ScriptsPruner
{
    /// <summary>Prunes the folder and returns what was removed (absolute paths, sorted).</summary>
    public static IReadOnlyList<string> Prune(string scriptsDirectory)
    {
        if (!Directory.Exists(scriptsDirectory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var entry in new DirectoryInfo(scriptsDirectory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
            if (isFolder || !entry.Name.ToLowerInvariant().StartsWith("python", StringComparison.Ordinal))
            {
                FileSystemEntries.Delete(entry.FullName);
                removed.Add(entry.FullName);
            }
        }

        return removed;
    }
}
