using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using VenvStacks.Core.Archives.Writing;

namespace VenvStacks.Core.Archives.Zip;

/// <summary>
/// Writes a reproducible zip (docs/venvstacks-reference.md §4.4) without <see cref="ZipArchive"/>, whose "version
/// made by" follows the machine's OS and whose times go through local-time conversions. Every entry: made by Unix
/// (so the external attributes carry the Unix mode), the given time as DOS fields holding the UTC clock plus an
/// extended-timestamp field with the exact second, no data descriptors (sizes and CRC are patched into the local
/// header, so the output must be seekable), Zip64 fields only where a size, offset or count needs them. Files are
/// deflated (empty ones stored); directories and symbolic links (Info-ZIP style: mode <c>S_IFLNK</c>, the target
/// as content) are stored.
/// </summary>
internal sealed class ZipStreamWriter : IArchiveEntryWriter
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const ushort Version = 20;
    private const ushort Zip64Version = 45;
    private const ushort MadeByUnix = 3 << 8;
    private const ushort Utf8NameFlag = 0x0800;
    private const ushort Stored = 0;
    private const ushort Deflated = 8;
    private const ushort Zip64Tag = 0x0001;
    private const ushort ExtendedTimestampTag = 0x5455;
    private const uint DirectoryType = 0x4000;
    private const uint RegularType = 0x8000;
    private const uint SymbolicLinkType = 0xA000;
    private const uint DosDirectoryAttribute = 0x10;
    private const long Limit32 = 0xFFFFFFFF;
    private const int Limit16 = 0xFFFF;
    private const int LocalHeaderLength = 30;
    private const int ChunkSize = 1 << 20;

    private readonly Stream _output;
    private readonly string _rootName;
    private readonly CompressionLevel? _deflateLevel;
    private readonly Action _onChunk;
    private readonly ushort _dosTime;
    private readonly ushort _dosDate;
    private readonly int? _unixTime;
    private readonly List<CentralEntry> _entries = [];
    private byte[]? _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);

    /// <summary>Creates a writer.</summary>
    /// <param name="output">A seekable stream positioned at its start.</param>
    /// <param name="rootName">The top-level folder.</param>
    /// <param name="timestamp">The time of every entry, between 1980 and 2107.</param>
    /// <param name="deflateLevel">The deflate level, or null to store files uncompressed.</param>
    /// <param name="onChunk">Runs after each chunk of file data (cancellation and progress).</param>
    public ZipStreamWriter(Stream output, string rootName, DateTimeOffset timestamp, CompressionLevel? deflateLevel, Action onChunk)
    {
        _output = output;
        _rootName = rootName;
        _deflateLevel = deflateLevel;
        _onChunk = onChunk;
        (_dosTime, _dosDate) = DosTimestamp.FromUtc(timestamp);
        var seconds = timestamp.ToUnixTimeSeconds();
        _unixTime = seconds is >= int.MinValue and <= int.MaxValue ? (int)seconds : null;
    }

    public long BytesIn { get; private set; }

    public void AddDirectory(string relativePath)
    {
        var offset = _output.Position;
        var name = EntryName(relativePath) + "/";
        WriteLocalHeader(name, Stored, zip64: false);
        _entries.Add(new CentralEntry(name, Stored, 0, 0, 0, offset, ((DirectoryType | (uint)EntryModes.Directory) << 16) | DosDirectoryAttribute));
    }

    public void AddSymbolicLink(string relativePath, string target)
    {
        var offset = _output.Position;
        var name = EntryName(relativePath);
        var content = Encoding.UTF8.GetBytes(target);
        var headerEnd = WriteLocalHeader(name, Stored, zip64: false);
        _output.Write(content);
        BytesIn += content.Length;
        var crc = Crc32.Append(0, content);
        PatchLocalHeader(offset, headerEnd, crc, content.Length, content.Length, zip64: false);
        _entries.Add(new CentralEntry(name, Stored, crc, content.Length, content.Length, offset, (SymbolicLinkType | (uint)EntryModes.SymbolicLink) << 16));
    }

    public void AddFile(string relativePath, ArchiveFileData data, bool executable)
    {
        var offset = _output.Position;
        var name = EntryName(relativePath);
        var method = data.Length == 0 || _deflateLevel is null ? Stored : Deflated;

        // Like zipfile, reserve Zip64 sizes when deflate's worst case could pass 4 GiB.
        var zip64 = data.Length * 21 > Limit32 * 20;
        var headerEnd = WriteLocalHeader(name, method, zip64);
        uint crc = 0;
        using (var compressor = method == Deflated ? new DeflateStream(_output, _deflateLevel!.Value, leaveOpen: true) : null)
        {
            var sink = compressor ?? _output;
            long position = 0;
            while (position < data.Length)
            {
                var chunk = Chunk.AsSpan(0, (int)Math.Min(ChunkSize, data.Length - position));
                var read = data.Read(chunk, position);
                crc = Crc32.Append(crc, chunk[..read]);
                sink.Write(chunk[..read]);
                position += read;
                BytesIn += read;
                _onChunk();
            }
        }

        var compressedSize = _output.Position - headerEnd;
        if (!zip64 && compressedSize >= Limit32)
        {
            throw new InvalidOperationException($"{name}: deflate output passed 4 GiB without Zip64 fields reserved.");
        }

        PatchLocalHeader(offset, headerEnd, crc, compressedSize, data.Length, zip64);
        var mode = RegularType | (uint)EntryModes.File(executable);
        _entries.Add(new CentralEntry(name, method, crc, compressedSize, data.Length, offset, mode << 16));
    }

    public void Complete()
    {
        var directoryStart = _output.Position;
        foreach (var entry in _entries)
        {
            WriteCentralHeader(entry);
        }

        var directoryEnd = _output.Position;
        var directorySize = directoryEnd - directoryStart;
        var count = _entries.Count;
        var needsZip64 = count >= Limit16 || directoryStart >= Limit32 || directorySize >= Limit32;
        Span<byte> record = stackalloc byte[56];
        if (needsZip64)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record, Zip64EndSignature);
            BinaryPrimitives.WriteUInt64LittleEndian(record[4..], 44);
            BinaryPrimitives.WriteUInt16LittleEndian(record[12..], MadeByUnix | Zip64Version);
            BinaryPrimitives.WriteUInt16LittleEndian(record[14..], Zip64Version);
            BinaryPrimitives.WriteUInt32LittleEndian(record[16..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(record[20..], 0);
            BinaryPrimitives.WriteUInt64LittleEndian(record[24..], (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(record[32..], (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(record[40..], (ulong)directorySize);
            BinaryPrimitives.WriteUInt64LittleEndian(record[48..], (ulong)directoryStart);
            _output.Write(record);

            BinaryPrimitives.WriteUInt32LittleEndian(record, Zip64LocatorSignature);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], 0);
            BinaryPrimitives.WriteUInt64LittleEndian(record[8..], (ulong)directoryEnd);
            BinaryPrimitives.WriteUInt32LittleEndian(record[16..], 1);
            _output.Write(record[..20]);
        }

        record.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(record, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(record[8..], (ushort)Math.Min(count, Limit16));
        BinaryPrimitives.WriteUInt16LittleEndian(record[10..], (ushort)Math.Min(count, Limit16));
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)Math.Min(directorySize, Limit32));
        BinaryPrimitives.WriteUInt32LittleEndian(record[16..], (uint)Math.Min(directoryStart, Limit32));
        _output.Write(record[..22]);
        _output.Flush();
    }

    public void Dispose()
    {
        if (_chunk is not null)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = null;
        }
    }

    private byte[] Chunk => _chunk ?? throw new ObjectDisposedException(nameof(ZipStreamWriter));

    private static ushort NameFlags(byte[] name) => Ascii.IsValid(name) ? (ushort)0 : Utf8NameFlag;

    private string EntryName(string relativePath) =>
        relativePath.Length == 0 ? _rootName : _rootName + "/" + relativePath;

    /// <summary>Writes a local header with zero CRC and sizes and returns where the data starts.</summary>
    private long WriteLocalHeader(string name, ushort method, bool zip64)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var extraLength = (zip64 ? 20 : 0) + ExtendedTimestampLength;
        var header = new byte[LocalHeaderLength + nameBytes.Length + extraLength];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], zip64 ? Zip64Version : Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], NameFlags(nameBytes));
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], _dosDate);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)extraLength);
        nameBytes.CopyTo(span[LocalHeaderLength..]);
        var extra = span[(LocalHeaderLength + nameBytes.Length)..];
        if (zip64)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[18..], uint.MaxValue);
            BinaryPrimitives.WriteUInt32LittleEndian(span[22..], uint.MaxValue);
            BinaryPrimitives.WriteUInt16LittleEndian(extra, Zip64Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], 16);
            extra = extra[20..];
        }

        WriteExtendedTimestamp(extra);
        _output.Write(header);
        return _output.Position;
    }

    private void PatchLocalHeader(long offset, long dataStart, uint crc, long compressedSize, long size, bool zip64)
    {
        var end = _output.Position;
        Span<byte> fields = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(fields, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[4..], zip64 ? uint.MaxValue : (uint)compressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[8..], zip64 ? uint.MaxValue : (uint)size);
        _output.Position = offset + 14;
        _output.Write(fields);
        if (zip64)
        {
            // The Zip64 extra field is the first extra field, after the name: tag, length, size, compressed size.
            var zip64Values = dataStart - 20 - ExtendedTimestampLength + 4;
            BinaryPrimitives.WriteUInt64LittleEndian(fields, (ulong)size);
            _output.Position = zip64Values;
            _output.Write(fields[..8]);
            BinaryPrimitives.WriteUInt64LittleEndian(fields, (ulong)compressedSize);
            _output.Write(fields[..8]);
        }

        _output.Position = end;
    }

    private void WriteCentralHeader(CentralEntry entry)
    {
        var nameBytes = Encoding.UTF8.GetBytes(entry.Name);
        var zip64Values = new List<long>(3);
        foreach (var value in (ReadOnlySpan<long>)[entry.Size, entry.CompressedSize, entry.Offset])
        {
            if (value >= Limit32)
            {
                zip64Values.Add(value);
            }
        }

        var zip64Length = zip64Values.Count == 0 ? 0 : 4 + (8 * zip64Values.Count);
        var extraLength = zip64Length + ExtendedTimestampLength;
        var header = new byte[46 + nameBytes.Length + extraLength];
        var span = header.AsSpan();
        var version = zip64Values.Count > 0 || entry.Size * 21 > Limit32 * 20 ? Zip64Version : Version;
        BinaryPrimitives.WriteUInt32LittleEndian(span, CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)(MadeByUnix | version));
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], NameFlags(nameBytes));
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)Math.Min(entry.CompressedSize, Limit32));
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)Math.Min(entry.Size, Limit32));
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[30..], (ushort)extraLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[38..], entry.ExternalAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)Math.Min(entry.Offset, Limit32));
        nameBytes.CopyTo(span[46..]);
        var extra = span[(46 + nameBytes.Length)..];
        if (zip64Values.Count > 0)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(extra, Zip64Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)(8 * zip64Values.Count));
            for (var i = 0; i < zip64Values.Count; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(extra[(4 + (8 * i))..], (ulong)zip64Values[i]);
            }

            extra = extra[zip64Length..];
        }

        WriteExtendedTimestamp(extra);
        _output.Write(header);
    }

    private int ExtendedTimestampLength => _unixTime is null ? 0 : 9;

    // Info-ZIP's "UT" field: flags (bit 0: modification time present) and the time as Unix seconds.
    private void WriteExtendedTimestamp(Span<byte> extra)
    {
        if (_unixTime is { } seconds)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(extra, ExtendedTimestampTag);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], 5);
            extra[4] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(extra[5..], seconds);
        }
    }

    private sealed record CentralEntry(string Name, ushort Method, uint Crc, long CompressedSize, long Size, long Offset, uint ExternalAttributes);
}
