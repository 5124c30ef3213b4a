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
    /// subfolders and files, both sorted by ordinal name, subfolders visited in that order. Only files, folders and
    /// links to either are source content: named pipes, sockets, devices and links that lead nowhere are never opened
    /// (a pipe would block until a writer appears, <c>/dev/zero</c> never ends) and are reported as skipped instead.
    /// </summary>
    /// <param name="top">The folder to walk.</param>
    /// <param name="cancellationToken">Checked before each folder is listed.</param>
    public IEnumerable<SourceTreeFolder> Walk(string top, CancellationToken cancellationToken = default)
    {
        if (IsPathIgnored(top))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(top));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            var subfolders = new List<string>();
            var descend = new HashSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            var skipped = new List<SkippedSourceEntry>();
            long fileBytes = 0;
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                var found = FileSystemEntry.Inspect(entry.FullName);
                // os.walk lists a symlink to a folder as a folder but does not descend into it.
                var isDirectory = found.Kind is FileSystemEntryKind.Directory or FileSystemEntryKind.LinkToDirectory;
                if (found.Kind == FileSystemEntryKind.Missing || IsIgnored(current, entry.Name, isDirectory))
                {
                    continue;
                }

                switch (found.Kind)
                {
                    case FileSystemEntryKind.Directory:
                        descend.Add(entry.Name);
                        subfolders.Add(entry.Name);
                        break;
                    case FileSystemEntryKind.LinkToDirectory:
                        subfolders.Add(entry.Name);
                        break;
                    case FileSystemEntryKind.File or FileSystemEntryKind.LinkToFile:
                        files.Add(entry.Name);
                        fileBytes += found.Length;
                        break;
                    default:
                        skipped.Add(new SkippedSourceEntry(entry.Name, found.Kind));
                        break;
                }
            }

            subfolders.Sort(StringComparer.Ordinal);
            files.Sort(StringComparer.Ordinal);
            skipped.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
            yield return new SourceTreeFolder(current, subfolders, files, skipped, fileBytes);
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                if (descend.Contains(subfolders[i]))
                {
                    pending.Push(Path.Combine(current, subfolders[i]));
                }
            }
        }
    }
}
