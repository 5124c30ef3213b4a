using System.Collections.Immutable;
using System.IO.Enumeration;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives.Writing;

/// <summary>
/// Lists the entries to archive from a folder, in a fixed order that depends only on names (Unicode code point order,
/// as Python's <c>sorted()</c>): the top-level folder first (relative path ""), then its contents. The caller's
/// include policy prunes entries (a directory with its contents); extra files are merged in at their sorted place and
/// replace a file of the same path. Symbolic links are listed as links, never followed. Sockets, FIFOs and devices
/// are left out with a VSTK4011 warning (tarfile, too, skips sockets). Only the entries of one directory per level are
/// held in memory.
/// </summary>
internal sealed class SourceTreeWalker
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    private readonly string _sourceDirectory;
    private readonly Func<ArchiveSourceItem, bool>? _include;
    private readonly string _archivePath;
    private readonly Dictionary<string, ArchiveExtraFile> _extraFiles;
    private readonly Dictionary<string, SortedSet<string>> _extraNamesByDirectory;
    private readonly ImmutableArray<Diagnostic>.Builder _warnings = ImmutableArray.CreateBuilder<Diagnostic>();

    public SourceTreeWalker(string sourceDirectory, Func<ArchiveSourceItem, bool>? include, IReadOnlyList<ArchiveExtraFile> extraFiles, string archivePath)
    {
        _sourceDirectory = sourceDirectory;
        _include = include;
        _archivePath = archivePath;
        _extraFiles = extraFiles.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        _extraNamesByDirectory = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in extraFiles)
        {
            // Register the file and every folder on its way under their parent folders.
            var path = file.RelativePath;
            while (path.Length > 0)
            {
                var slash = path.LastIndexOf('/');
                var parent = slash < 0 ? string.Empty : path[..slash];
                if (!_extraNamesByDirectory.TryGetValue(parent, out var names))
                {
                    _extraNamesByDirectory[parent] = names = new SortedSet<string>(StringComparer.Ordinal);
                }

                names.Add(path[(slash + 1)..]);
                path = parent;
            }
        }
    }

    /// <summary>Warnings about entries left out; complete once the walk has ended.</summary>
    public ImmutableArray<Diagnostic> Warnings => _warnings.ToImmutable();

    public IEnumerable<ArchiveItem> Walk(ArchiveOrder order)
    {
        yield return new ArchiveItem(string.Empty, ArchiveEntryKind.Directory);
        var items = order == ArchiveOrder.DepthFirst ? WalkDepthFirst() : WalkDirectoriesThenFiles();
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private IEnumerable<ArchiveItem> WalkDepthFirst()
    {
        var stack = new Stack<IEnumerator<ArchiveItem>>();
        stack.Push(List(string.Empty).GetEnumerator());
        while (stack.Count > 0)
        {
            var top = stack.Peek();
            if (!top.MoveNext())
            {
                stack.Pop().Dispose();
                continue;
            }

            yield return top.Current;
            if (top.Current.Kind == ArchiveEntryKind.Directory)
            {
                stack.Push(List(top.Current.RelativePath).GetEnumerator());
            }
        }
    }

    private IEnumerable<ArchiveItem> WalkDirectoriesThenFiles()
    {
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            var children = List(pending.Pop());
            var directories = children.Where(c => c.Kind == ArchiveEntryKind.Directory).ToList();
            foreach (var item in directories.Concat(children.Where(c => c.Kind != ArchiveEntryKind.Directory)))
            {
                yield return item;
            }

            for (var i = directories.Count - 1; i >= 0; i--)
            {
                pending.Push(directories[i].RelativePath);
            }
        }
    }

    /// <summary>The included entries of one directory, sorted by name.</summary>
    private List<ArchiveItem> List(string relativeDirectory)
    {
        var items = new List<ArchiveItem>();
        var extraNames = _extraNamesByDirectory.GetValueOrDefault(relativeDirectory);
        var directory = relativeDirectory.Length == 0
            ? _sourceDirectory
            : Path.Combine(_sourceDirectory, relativeDirectory.Replace('/', Path.DirectorySeparatorChar));
        if (Directory.Exists(directory))
        {
            foreach (var (name, item) in ListDisk(directory, relativeDirectory))
            {
                if (extraNames?.Contains(name) != true)
                {
                    items.Add(item);
                }
            }
        }

        foreach (var name in extraNames ?? [])
        {
            var relativePath = Join(relativeDirectory, name);
            items.Add(_extraFiles.TryGetValue(relativePath, out var extra)
                ? new ArchiveItem(relativePath, ArchiveEntryKind.File, extra.SourceFile, extra.Content, null, extra.Executable)
                : OnDiskOrImpliedDirectory(relativePath, directory, name));
        }

        items.Sort((a, b) => CodePointComparer.Instance.Compare(a.RelativePath, b.RelativePath));
        return items;
    }

    // A folder on an extra file's path is archived as a directory whether or not the source has it, but it cannot
    // take the place of a file or link there.
    private ArchiveItem OnDiskOrImpliedDirectory(string relativePath, string parentDirectory, string name)
    {
        var onDisk = Path.Combine(parentDirectory, name);
        return File.Exists(onDisk) || new FileInfo(onDisk).LinkTarget is not null
            ? throw new ArchiveException(
                DiagnosticCodes.ArchiveInvalidRequest,
                _archivePath,
                relativePath,
                $"an extra file is to go below '{relativePath}', which is a file or symbolic link in '{_sourceDirectory}'.")
            : new ArchiveItem(relativePath, ArchiveEntryKind.Directory);
    }

    private IEnumerable<(string Name, ArchiveItem Item)> ListDisk(string directory, string relativeDirectory)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<FileSystemInfo>(directory, (ref FileSystemEntry entry) => entry.ToFileSystemInfo(), ListOptions)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, _archivePath, relativeDirectory, $"cannot list '{directory}': {e.Message}", e);
        }

        foreach (var info in entries)
        {
            var relativePath = Join(relativeDirectory, info.Name);
            var kind = KindOf(info, relativePath);
            if (_include is not null && !_include(new ArchiveSourceItem(relativePath, kind)))
            {
                continue;
            }

            switch (kind)
            {
                case ArchiveEntryKind.Directory:
                    yield return (info.Name, new ArchiveItem(relativePath, kind));
                    break;
                case ArchiveEntryKind.SymbolicLink:
                    yield return (info.Name, new ArchiveItem(relativePath, kind, LinkTarget: info.LinkTarget));
                    break;
                case ArchiveEntryKind.File:
                    yield return (info.Name, new ArchiveItem(relativePath, kind, info.FullName, Executable: EntryModes.IsExecutable(info)));
                    break;
                default:
                    _warnings.Add(Diagnostic.Warning(
                        DiagnosticCodes.ArchiveSpecialFileSkipped,
                        $"{_archivePath}: '{info.FullName}' is a {kind} and was left out; archives hold only files, directories and symbolic links.",
                        SourceLocation.FileOnly(info.FullName)));
                    break;
            }
        }
    }

    private ArchiveEntryKind KindOf(FileSystemInfo info, string relativePath)
    {
        try
        {
            // Windows reparse points other than links (e.g. deduplicated or cloud files) have no link target.
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is not null)
            {
                return ArchiveEntryKind.SymbolicLink;
            }

            if (info is DirectoryInfo)
            {
                return ArchiveEntryKind.Directory;
            }

            return ((FileInfo)info).Length == 0 ? SpecialFileProbe.Classify(info.FullName) : ArchiveEntryKind.File;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, _archivePath, relativePath, $"cannot read '{info.FullName}': {e.Message}", e);
        }
    }

    private static string Join(string relativeDirectory, string name) =>
        relativeDirectory.Length == 0 ? name : relativeDirectory + "/" + name;
}
