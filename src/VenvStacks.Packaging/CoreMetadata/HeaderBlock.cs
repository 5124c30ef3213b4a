using System.Text;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>
/// The header fields and body of an RFC 822 style document, split the way Python's <c>email</c> parser (compat32
/// policy) splits METADATA, PKG-INFO and WHEEL files: headers up to the first empty line, lines starting with a space
/// or tab continue the previous header, everything after the empty line is the body.
/// </summary>
internal sealed class HeaderBlock
{
    private HeaderBlock(IReadOnlyList<MetadataField> fields, string? body)
    {
        Fields = fields;
        Body = body;
    }

    /// <summary>The header fields in file order.</summary>
    public IReadOnlyList<MetadataField> Fields { get; }

    /// <summary>The text after the empty line that ends the headers, verbatim; null when there is no such line.</summary>
    public string? Body { get; }

    /// <summary>Splits <paramref name="text"/> into header fields and body.</summary>
    /// <param name="text">The whole document.</param>
    /// <param name="documentKind">What the document is ("METADATA", "WHEEL"), for error messages.</param>
    /// <exception cref="PackagingFormatException">A header line is malformed.</exception>
    public static HeaderBlock Parse(string text, string documentKind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<MetadataField>();
        var position = text.StartsWith('\uFEFF') ? 1 : 0;
        var line = 1;
        Pending? pending = null;

        while (position < text.Length)
        {
            var lineStart = position;
            var lineEnd = text.AsSpan(position).IndexOfAny('\r', '\n');
            lineEnd = lineEnd < 0 ? text.Length : position + lineEnd;
            position = NextLineStart(text, lineEnd);
            var content = text.AsSpan(lineStart, lineEnd - lineStart);

            if (content.IsEmpty)
            {
                Flush(fields, ref pending);
                return new HeaderBlock(fields, text[position..]);
            }

            if (content[0] is ' ' or '\t')
            {
                if (pending is null)
                {
                    throw TextLocation.Error(
                        $"Invalid {documentKind}: continuation line without a preceding header field",
                        text,
                        lineStart,
                        content.Length);
                }

                pending.Value.Append('\n').Append(content);
            }
            else
            {
                var colon = content.IndexOf(':');
                if (colon <= 0 || !IsFieldName(content[..colon]))
                {
                    throw TextLocation.Error(
                        $"Invalid {documentKind} header line: expected 'Field-Name: value' or an empty line",
                        text,
                        lineStart,
                        content.Length);
                }

                Flush(fields, ref pending);
                var valueStart = colon + 1;
                while (valueStart < content.Length && content[valueStart] is ' ' or '\t')
                {
                    valueStart++;
                }

                pending = new Pending(content[..colon].ToString(), line, lineStart + valueStart);
                pending.Value.Append(content[valueStart..]);
            }

            line++;
        }

        Flush(fields, ref pending);
        return new HeaderBlock(fields, null);
    }

    private static int NextLineStart(string text, int lineEnd)
    {
        if (lineEnd >= text.Length)
        {
            return text.Length;
        }

        return text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
    }

    // Field names are printable ASCII without spaces or colons (RFC 822 "field-name", as Python's feedparser checks it).
    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (c < '!' || c > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static void Flush(List<MetadataField> fields, ref Pending? pending)
    {
        if (pending is not null)
        {
            fields.Add(new MetadataField(pending.Name, pending.Value.ToString(), pending.Line) { ValueOffset = pending.ValueOffset });
            pending = null;
        }
    }

    private sealed class Pending(string name, int line, int valueOffset)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public int ValueOffset { get; } = valueOffset;

        public StringBuilder Value { get; } = new();
    }
}
