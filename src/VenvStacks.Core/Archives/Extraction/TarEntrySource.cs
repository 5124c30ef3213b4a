using System.Collections.ObjectModel;
using System.Formats.Tar;
using VenvStacks.Core.Archives.Compression;

namespace VenvStacks.Core.Archives.Extraction;

/// <summary>Entries of a tar stream (ustar, PAX, GNU or v7), decompressed on the fly; nothing is buffered whole.</summary>
internal sealed class TarEntrySource : ArchiveEntrySource
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = ReadOnlyDictionary<string, string>.Empty;

    private readonly FileStream _file;
    private readonly Stream _decoded;
    private readonly TarReader _reader;

    public TarEntrySource(string archivePath, FileStream file, ArchiveFormat format)
        : base(archivePath)
    {
        _file = file;
        _decoded = ArchiveDecoder.Open(format, file, archivePath);
        _reader = new TarReader(_decoded, leaveOpen: true);
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _decoded.Dispose();
        _file.Dispose();
    }

    protected override ArchiveReadEntry? ReadNextEntry()
    {
        while (_reader.GetNextEntry(copyData: false) is { } entry)
        {
            // A global PAX header describes the archive, not a file.
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            var kind = KindOf(entry.EntryType);
            var info = new ArchiveEntryInfo(
                entry.Name,
                kind,
                entry.Length,
                (int)entry.Mode,
                entry.ModificationTime,
                kind is ArchiveEntryKind.SymbolicLink or ArchiveEntryKind.HardLink ? entry.LinkName : null,
                new ArchiveEntryOwner(entry.Uid, entry.Gid, (entry as PosixTarEntry)?.UserName ?? string.Empty, (entry as PosixTarEntry)?.GroupName ?? string.Empty),
                (entry as PaxTarEntry)?.ExtendedAttributes ?? NoAttributes);
            return new ArchiveReadEntry(info, kind == ArchiveEntryKind.File ? entry.DataStream ?? Stream.Null : null);
        }

        return null;
    }

    private static ArchiveEntryKind KindOf(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => ArchiveEntryKind.File,
        TarEntryType.Directory => ArchiveEntryKind.Directory,
        TarEntryType.SymbolicLink => ArchiveEntryKind.SymbolicLink,
        TarEntryType.HardLink => ArchiveEntryKind.HardLink,
        TarEntryType.CharacterDevice => ArchiveEntryKind.CharacterDevice,
        TarEntryType.BlockDevice => ArchiveEntryKind.BlockDevice,
        TarEntryType.Fifo => ArchiveEntryKind.Fifo,
        _ => ArchiveEntryKind.Other,
    };
}
