using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Pep425;

/// <summary>
/// Python's <c>repr()</c> of a string. Error messages quote user input the way packaging does
/// (<c>'foo-1.0.whl'</c>), so users can compare them with pip and uv output.
/// </summary>
internal static class PythonRepr
{
    public static string Of(string value)
    {
        // Python prefers single quotes and switches to double quotes only to avoid escaping a single quote.
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal)
            ? '"'
            : '\'';
        var builder = new StringBuilder(value.Length + 2);
        builder.Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            AppendRune(builder, rune, quote);
        }

        builder.Append(quote);
        return builder.ToString();
    }

    private static void AppendRune(StringBuilder builder, Rune rune, char quote)
    {
        switch (rune.Value)
        {
            case '\\':
                builder.Append(@"\\");
                return;
            case '\n':
                builder.Append(@"\n");
                return;
            case '\r':
                builder.Append(@"\r");
                return;
            case '\t':
                builder.Append(@"\t");
                return;
        }

        if (rune.Value == quote)
        {
            builder.Append('\\').Append(quote);
        }
        else if (IsPrintable(rune))
        {
            builder.Append(rune.ToString());
        }
        else if (rune.Value <= 0xFF)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (rune.Value <= 0xFFFF)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }

    // Python treats separators (other than the ASCII space) and "other" categories as non-printable.
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
