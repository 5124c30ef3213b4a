using System.Globalization;
using System.Text;

namespace VenvStacks.Core.Archives.Tar;

/// <summary>
/// Encodes tar headers exactly as CPython's <c>tarfile</c> does in its default PAX format, which venvstacks uses
/// (docs/venvstacks-reference.md §4.4): a ustar header, preceded by a PAX extended header only for values the ustar
/// fields cannot hold (non-ASCII or long names and link targets, sizes of 8 GiB and more, times outside the octal
/// field). No atime, ctime or other PAX records are ever written. A tree archived here therefore has the bytes
/// venvstacks' <c>tarfile</c> would write for the same entries and metadata.
/// </summary>
internal static class TarHeader
{
    public const int BlockSize = 512;

    /// <summary>tarfile pads the end of an archive to a multiple of 20 blocks.</summary>
    public const int RecordSize = 20 * BlockSize;

    public const byte RegularFile = (byte)'0';
    public const byte SymbolicLink = (byte)'2';
    public const byte Directory = (byte)'5';
    private const byte PaxExtended = (byte)'x';

    private const int NameLength = 100;
    private const int LinkNameLength = 100;
    private const int OwnerNameLength = 32;

    // An octal field of n bytes holds n-1 digits and a NUL.
    private const long MaxSize = 1L << 33;
    private const long MaxTime = 1L << 33;

    private static readonly byte[] UstarMagic = "ustar\u000000"u8.ToArray();

    /// <summary>
    /// Writes the header block(s) of one entry into <paramref name="destination"/> and returns the number of bytes
    /// written; <see cref="MaxEncodedLength"/> tells how much room it needs.
    /// </summary>
    public static int Encode(Span<byte> destination, string name, byte type, int mode, long size, long mtime, string linkName, string owner)
    {
        var pax = PaxRecords(name, linkName, owner, size, mtime);
        var written = 0;
        if (pax is not null)
        {
            written += EncodeUstar(destination, "././@PaxHeader", PaxExtended, 0, pax.Length, 0, string.Empty, string.Empty);
            var payload = destination.Slice(written, Padded(pax.Length));
            payload.Clear();
            pax.CopyTo(payload);
            written += payload.Length;
        }

        var headerSize = size >= MaxSize ? 0 : size;
        var headerTime = mtime is < 0 or >= MaxTime ? 0 : mtime;
        written += EncodeUstar(destination[written..], name, type, mode, headerSize, headerTime, linkName, owner);
        return written;
    }

    /// <summary>An upper bound of <see cref="Encode"/>'s output for these strings.</summary>
    public static int MaxEncodedLength(string name, string linkName) =>
        // Two header blocks plus a PAX payload: two records of at most 3 bytes of UTF-8 per char and their framing.
        (2 * BlockSize) + Padded(((name.Length + linkName.Length) * 3) + 128);

    /// <summary>Rounds a data length up to whole blocks.</summary>
    public static int Padded(int length) => (length + BlockSize - 1) / BlockSize * BlockSize;

    /// <summary>Rounds a data length up to whole blocks.</summary>
    public static long Padded(long length) => (length + BlockSize - 1) / BlockSize * BlockSize;

    private static byte[]? PaxRecords(string name, string linkName, string owner, long size, long mtime)
    {
        // tarfile's order: the string fields path, linkpath, uname, gname, then the numbers size and mtime.
        List<(string Key, string Value)>? records = null;
        void Add(string key, string value) => (records ??= []).Add((key, value));

        if (NeedsPax(name, NameLength))
        {
            Add("path", name);
        }

        if (NeedsPax(linkName, LinkNameLength))
        {
            Add("linkpath", linkName);
        }

        if (NeedsPax(owner, OwnerNameLength))
        {
            Add("uname", owner);
            Add("gname", owner);
        }

        if (size >= MaxSize)
        {
            Add("size", size.ToString(CultureInfo.InvariantCulture));
        }

        if (mtime is < 0 or >= MaxTime)
        {
            Add("mtime", mtime.ToString(CultureInfo.InvariantCulture));
        }

        if (records is null)
        {
            return null;
        }

        var payload = new StringBuilder();
        foreach (var (key, value) in records)
        {
            // Each record is "<length> <key>=<value>\n" where <length> counts its own digits too.
            var baseLength = Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value) + 3;
            int length = 0, previous;
            do
            {
                previous = length;
                length = baseLength + previous.ToString(CultureInfo.InvariantCulture).Length;
            }
            while (length != previous);

            payload.Append(CultureInfo.InvariantCulture, $"{length} {key}={value}\n");
        }

        return Encoding.UTF8.GetBytes(payload.ToString());
    }

    // tarfile counts characters, not bytes, against the field length; for ASCII values the two agree.
    private static bool NeedsPax(string value, int fieldLength) => value.Length > fieldLength || !Ascii.IsValid(value);

    private static int EncodeUstar(Span<byte> destination, string name, byte type, int mode, long size, long mtime, string linkName, string owner)
    {
        var header = destination[..BlockSize];
        header.Clear();
        WriteText(header.Slice(0, NameLength), name);
        WriteOctal(header.Slice(100, 8), mode & 0xFFF);
        WriteOctal(header.Slice(108, 8), 0);
        WriteOctal(header.Slice(116, 8), 0);
        WriteOctal(header.Slice(124, 12), size);
        WriteOctal(header.Slice(136, 12), mtime);
        header.Slice(148, 8).Fill((byte)' ');
        header[156] = type;
        WriteText(header.Slice(157, LinkNameLength), linkName);
        UstarMagic.CopyTo(header.Slice(257, 8));
        WriteText(header.Slice(265, OwnerNameLength), owner);
        WriteText(header.Slice(297, OwnerNameLength), owner);

        // Device numbers (329..344) stay NUL for anything but devices, which are never written; so does the prefix.
        var checksum = 0;
        foreach (var b in header)
        {
            checksum += b;
        }

        // "%06o\0" followed by the space that was already there.
        WriteOctal(header.Slice(148, 7), checksum);
        return BlockSize;
    }

    // tarfile writes ustar text fields in ASCII with '?' for each character outside it, truncated to the field.
    private static void WriteText(Span<byte> field, string value)
    {
        var i = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (i == field.Length)
            {
                return;
            }

            field[i++] = rune.IsAscii ? (byte)rune.Value : (byte)'?';
        }
    }

    private static void WriteOctal(Span<byte> field, long value)
    {
        // Zero-padded octal digits filling all but the last byte, which is NUL.
        var digits = field.Length - 1;
        for (var i = digits - 1; i >= 0; i--)
        {
            field[i] = (byte)('0' + (value & 7));
            value >>= 3;
        }

        field[digits] = 0;
    }
}
