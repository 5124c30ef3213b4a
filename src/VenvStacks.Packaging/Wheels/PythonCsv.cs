using System.Text;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// CSV as Python's <c>csv</c> module handles it with the default dialect (comma, double quote, doubled quotes
/// inside quoted fields, minimal quoting), which is what RECORD files are read and written with.
/// </summary>
internal static class PythonCsv
{
    /// <summary>One parsed row and where it started.</summary>
    public readonly record struct Row(IReadOnlyList<string> Fields, int Line, int Offset, int Length);

    /// <summary>Reads every non-empty row. Line breaks (LF, CRLF or CR) end a row unless they are inside quotes.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="documentKind">What the text is, for error messages.</param>
    /// <exception cref="PackagingFormatException">A quoted field is not closed before the end of the text.</exception>
    public static IReadOnlyList<Row> Read(string text, string documentKind)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var rowStart = 0;
        var position = 0;

        while (position < text.Length)
        {
            var fieldStart = position;
            field.Clear();
            if (text[position] == '"')
            {
                position++;
                var closed = false;
                while (position < text.Length)
                {
                    var c = text[position++];
                    if (c != '"')
                    {
                        line += IsLineBreak(text, position - 1) ? 1 : 0;
                        field.Append(c);
                    }
                    else if (position < text.Length && text[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else
                    {
                        closed = true;
                        break;
                    }
                }

                if (!closed)
                {
                    throw TextLocation.Error($"Invalid {documentKind}: quoted field is not closed", text, fieldStart, text.Length - fieldStart);
                }
            }

            // Unquoted text, or text after a closing quote, which Python's non-strict reader appends literally.
            while (position < text.Length && text[position] is not (',' or '\n' or '\r'))
            {
                field.Append(text[position++]);
            }

            fields.Add(field.ToString());
            if (position < text.Length && text[position] == ',')
            {
                position++;
                if (position < text.Length)
                {
                    continue;
                }

                fields.Add(string.Empty);
            }

            var rowEnd = position;
            if (position < text.Length)
            {
                position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                line++;
            }

            if (fields.Count > 1 || fields[0].Length > 0 || rowEnd > rowStart)
            {
                rows.Add(new Row(fields.ToArray(), rowLine, rowStart, rowEnd - rowStart));
            }

            fields.Clear();
            rowLine = line;
            rowStart = position;
        }

        return rows;
    }

    /// <summary>Appends one row with Python's minimal quoting and a <c>'\n'</c> line terminator.</summary>
    public static void WriteRow(StringBuilder builder, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var value = fields[i];
            // Python quotes a lone empty field so that the row does not read back as an empty line.
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (fields.Count == 1 && value.Length == 0))
            {
                builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(value);
            }
        }

        builder.Append('\n');
    }

    private static bool IsLineBreak(string text, int index) =>
        text[index] == '\n' || (text[index] == '\r' && (index + 1 >= text.Length || text[index + 1] != '\n'));
}
