using System.Globalization;
using System.Text;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// A wheel's or installed distribution's <c>RECORD</c> file: CSV rows of path, hash and size. Reading follows Python's
/// <c>csv</c> module; <see cref="ToString"/> writes exactly what pip/installer write (minimal quoting, <c>'\n'</c>
/// line endings, rows in the given order).
/// </summary>
public sealed class RecordFile
{
    /// <summary>Creates a RECORD with the given rows, in that order.</summary>
    public RecordFile(IEnumerable<RecordEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToArray();
    }

    /// <summary>The rows in file order.</summary>
    public IReadOnlyList<RecordEntry> Entries { get; }

    /// <summary>Parses the text of a RECORD file.</summary>
    /// <exception cref="PackagingFormatException">A row does not have exactly three columns, a hash is not
    /// <c>algorithm=digest</c>, a size is not a non-negative integer, a path is empty or a quote is not closed.</exception>
    public static RecordFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<RecordEntry>();
        foreach (var row in PythonCsv.Read(text, "RECORD"))
        {
            entries.Add(ParseRow(text, row));
        }

        return new RecordFile(entries);
    }

    /// <summary>Parses the UTF-8 bytes of a RECORD file.</summary>
    /// <exception cref="PackagingFormatException">The bytes are not UTF-8 or not a valid RECORD.</exception>
    public static RecordFile Parse(ReadOnlySpan<byte> utf8) => Parse(Utf8Text.Decode(utf8, "RECORD"));

    /// <summary>Reads and parses a RECORD file from <paramref name="stream"/> (UTF-8).</summary>
    /// <exception cref="PackagingFormatException">The content is not UTF-8 or not a valid RECORD.</exception>
    public static async Task<RecordFile> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Parse(await Utf8Text.ReadAsync(stream, "RECORD", cancellationToken).ConfigureAwait(false));

    /// <summary>The first row whose path is exactly <paramref name="path"/> (ordinal comparison), or null.</summary>
    public RecordEntry? Find(string path) => Entries.FirstOrDefault(e => string.Equals(e.Path, path, StringComparison.Ordinal));

    /// <summary>Writes <see cref="ToString"/> to <paramref name="stream"/> as UTF-8 without a byte order mark.</summary>
    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToString());
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The RECORD text: one CSV row per entry, as Python's <c>csv.writer(lineterminator="\n")</c> writes it.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var entry in Entries)
        {
            PythonCsv.WriteRow(builder, entry.ToColumns());
        }

        return builder.ToString();
    }

    private static RecordEntry ParseRow(string text, PythonCsv.Row row)
    {
        if (row.Fields.Count != 3)
        {
            throw TextLocation.Error($"Invalid RECORD row: expected 3 columns (path, hash, size), found {row.Fields.Count}", text, row.Offset, row.Length);
        }

        var (path, hashText, sizeText) = (row.Fields[0], row.Fields[1], row.Fields[2]);
        if (path.Length == 0)
        {
            throw TextLocation.Error("Invalid RECORD row: empty path", text, row.Offset, row.Length);
        }

        RecordHash? hash = null;
        if (hashText.Length > 0 && !RecordHash.TryParse(hashText, out hash))
        {
            throw TextLocation.Error($"Invalid RECORD row: hash '{hashText}' is not 'algorithm=digest'", text, row.Offset, row.Length);
        }

        long? size = null;
        if (sizeText.Length > 0)
        {
            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw TextLocation.Error($"Invalid RECORD row: size '{sizeText}' is not a non-negative integer", text, row.Offset, row.Length);
            }

            size = parsed;
        }

        return new RecordEntry(path, hash, size);
    }
}
