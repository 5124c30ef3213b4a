using System.Collections.ObjectModel;
using System.IO.Compression;
using System.Text;

namespace VenvStacks.Core.Archives.Extraction;

/// <summary>
/// Entries of a zip, in central-directory order. Unix modes come from the external attributes' high half (Info-ZIP
/// convention, which this project's writer follows); a symbolic link is an entry of type <c>S_IFLNK</c> whose data is
/// the target. Zips made on Windows carry no Unix mode: their entries are files or, by a trailing slash, directories.
/// </summary>
internal sealed class ZipEntrySource : ArchiveEntrySource
{
    private const int MaxLinkTargetLength = 4096;

    private static readonly IReadOnlyDictionary<string, string> NoAttributes = ReadOnlyDictionary<string, string>.Empty;

    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly IEnumerator<ZipArchiveEntry> _entries;
    private Stream? _current;

    public ZipEntrySource(string archivePath, FileStream file)
        : base(archivePath)
    {
        _file = file;
        _zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
        _entries = _zip.Entries.GetEnumerator();
    }

    public override void Dispose()
    {
        _current?.Dispose();
        _entries.Dispose();
        _zip.Dispose();
        _file.Dispose();
    }

    protected override ArchiveReadEntry? ReadNextEntry()
    {
        _current?.Dispose();
        _current = null;
        if (!_entries.MoveNext())
        {
            return null;
        }

        var entry = _entries.Current;
        var unixMode = (int)((uint)entry.ExternalAttributes >> 16);
        var kind = KindOf(unixMode & 0xF000, entry.FullName);
        var mode = (unixMode & 0xFFF) != 0 ? unixMode & 0xFFF : kind == ArchiveEntryKind.Directory ? 0b111_101_101 : 0b110_100_100;
        string? linkTarget = null;
        if (kind == ArchiveEntryKind.SymbolicLink)
        {
            linkTarget = ReadLinkTarget(entry);
        }
        else if (kind == ArchiveEntryKind.File)
        {
            _current = entry.Open();
        }

        var info = new ArchiveEntryInfo(
            entry.FullName,
            kind,
            entry.Length,
            mode,
            new DateTimeOffset(entry.LastWriteTime.DateTime, TimeSpan.Zero),
            linkTarget,
            null,
            NoAttributes);
        return new ArchiveReadEntry(info, _current);
    }

    private static ArchiveEntryKind KindOf(int fileType, string name) => fileType switch
    {
        0 => name.EndsWith('/') || name.EndsWith('\\') ? ArchiveEntryKind.Directory : ArchiveEntryKind.File,
        0x4000 => ArchiveEntryKind.Directory,
        0x8000 => ArchiveEntryKind.File,
        0xA000 => ArchiveEntryKind.SymbolicLink,
        0x1000 => ArchiveEntryKind.Fifo,
        0x2000 => ArchiveEntryKind.CharacterDevice,
        0x6000 => ArchiveEntryKind.BlockDevice,
        0xC000 => ArchiveEntryKind.Socket,
        _ => ArchiveEntryKind.Other,
    };

    private static string ReadLinkTarget(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxLinkTargetLength)
        {
            throw new InvalidDataException($"the symbolic link '{entry.FullName}' has a {entry.Length}-byte target.");
        }

        using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
