using System.Globalization;
using System.Text;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Python's <c>repr()</c> of a <c>str</c>, which venvstacks uses to write paths into <c>sitecustomize.py</c> and error
/// messages: single quotes unless the text holds a single quote and no double quote, backslashes doubled, and
/// characters Python does not consider printable escaped as <c>\xNN</c>, <c>\uNNNN</c> or <c>\UNNNNNNNN</c>.
/// </summary>
internal static class PythonStringLiteral
{
    /// <summary>The literal for <paramref name="text"/>.</summary>
    public static string Repr(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            switch (value)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (value == quote)
                    {
                        builder.Append('\\').Append(quote);
                    }
                    else if (IsPrintable(rune))
                    {
                        builder.Append(rune.ToString());
                    }
                    else
                    {
                        builder.Append(value switch
                        {
                            < 0x100 => @"\x" + value.ToString("x2", CultureInfo.InvariantCulture),
                            < 0x10000 => @"\u" + value.ToString("x4", CultureInfo.InvariantCulture),
                            _ => @"\U" + value.ToString("x8", CultureInfo.InvariantCulture),
                        });
                    }

                    break;
            }
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>A Python list of strings as <c>repr()</c> shows it: <c>['a', 'b']</c>.</summary>
    public static string ReprList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Repr)) + "]";

    // str.isprintable(): everything but the "Other" and "Separator" categories, except the ASCII space.
    private static bool IsPrintable(Rune rune) =>
        rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
}
