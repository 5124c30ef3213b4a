using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Pep425;

/// <summary>Python's <c>str.isidentifier()</c>, which packaging uses to validate the interpreter part of a tag.</summary>
internal static class PythonIdentifier
{
    /// <summary>
    /// Whether <paramref name="text"/> is a Python identifier: a letter or underscore, then letters, digits,
    /// combining marks and connector punctuation. This follows the Unicode categories behind XID_Start/XID_Continue;
    /// the handful of "Other_ID_Start" compatibility characters are not special-cased.
    /// </summary>
    public static bool IsIdentifier(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var first = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x80)
            {
                var c = (char)rune.Value;
                var ok = c == '_' || char.IsAsciiLetter(c) || (!first && char.IsAsciiDigit(c));
                if (!ok)
                {
                    return false;
                }
            }
            else if (!(first ? IsStart(rune) : IsContinue(rune)))
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    private static bool IsStart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
        _ => false,
    };

    private static bool IsContinue(Rune rune) => IsStart(rune) || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };
}
