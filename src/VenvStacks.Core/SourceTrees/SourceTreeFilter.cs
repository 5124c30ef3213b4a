namespace VenvStacks.Core.SourceTrees;

/// <summary>
/// Decides which files of an application's launch and support modules are copied and hashed (docs/venvstacks-reference.md
/// §3.7): inside a git work tree, what git ignores (plus <c>.git*</c> entries); elsewhere, only <c>__pycache__</c>.
/// </summary>
public abstract class SourceTreeFilter
{
    /// <summary>The filter venvstacks would pick for <paramref name="includedPath"/>.</summary>
    public static SourceTreeFilter For(string includedPath)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(includedPath));
        for (var current = directory; current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")))
            {
                return new GitSourceTreeFilter(current.FullName);
            }
        }

        return PycacheSourceTreeFilter.Instance;
    }

    /// <summary>Whether an entry of <paramref name="directory"/> is excluded.</summary>
    public abstract bool IsIgnored(string directory, string name, bool isDirectory);

    /// <summary>Whether <paramref name="path"/> itself (or a folder above it) is excluded.</summary>
    public abstract bool IsPathIgnored(string path);

    /// <summary>
    /// Walks a folder top-down like Python's <c>os.walk</c>, minus excluded entries: each folder with its included
    /// subfolders and files, both sorted by ordinal name, subfolders visited in that order.
    /// </summary>
    public IEnumerable<SourceTreeFolder> Walk(string top)
    {
        if (IsPathIgnored(top))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(top));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var subfolders = new List<string>();
            var files = new List<string>();
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                // os.walk lists a symlink to a folder as a folder but does not descend into it.
                var isDirectory = entry is DirectoryInfo;
                if (IsIgnored(current, entry.Name, isDirectory))
                {
                    continue;
                }

                (isDirectory ? subfolders : files).Add(entry.Name);
            }

            subfolders.Sort(StringComparer.Ordinal);
            files.Sort(StringComparer.Ordinal);
            yield return new SourceTreeFolder(current, subfolders, files);
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                var child = Path.Combine(current, subfolders[i]);
                if (new DirectoryInfo(child).LinkTarget is null)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
