namespace VenvStacks.Packaging.Text;

/// <summary>Turns 0-based character offsets into the 1-based line and column numbers used in error messages.</summary>
public static class TextLocation
{
    /// <summary>The 1-based line and column of <paramref name="position"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="position">A 0-based character offset (clamped to the text).</param>
    /// <returns>The line (lines end at LF, CRLF or a lone CR) and the column in characters.</returns>
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        var end = Math.Clamp(position, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, end - lineStart + 1);
    }

    /// <summary>Builds the library's format exception with "(line L, column C)" appended to the message.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="text">The whole text being parsed.</param>
    /// <param name="position">0-based offset of the problem.</param>
    /// <param name="length">Length of the offending span.</param>
    /// <param name="inner">The exception that caused this one, if any.</param>
    /// <returns>The exception, to be thrown by the caller.</returns>
    public static PackagingFormatException Error(string message, string text, int position, int length, Exception? inner = null)
    {
        var (line, column) = LineAndColumn(text, position);
        return new PackagingFormatException($"{message} (line {line}, column {column})", text, position, Math.Max(0, length), inner);
    }
}
