using System.Buffers;
using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Text;

/// <summary>
/// Character rules of CPython that pypa/packaging inherits through <c>re</c> and <c>str</c>: what <c>\s</c>,
/// <c>\w</c>, <c>str.strip()</c> and <c>str.lower()</c> mean. Matching them keeps edge cases identical.
/// </summary>
internal static class PythonText
{
    /// <summary>CPython's <c>str.isspace()</c>, which is also what <c>\s</c> matches in a str pattern.</summary>
    public static bool IsWhiteSpace(char c)
    {
        if (c <= '\u00a0')
        {
            return c is ' ' or (>= '\t' and <= '\r') or (>= '\u001c' and <= '\u001f') or '\u0085' or '\u00a0';
        }

        return c is '\u1680' or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000';
    }

    /// <summary><c>str.strip()</c> without arguments.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary><c>str.strip()</c> without arguments, returning the same instance when nothing is stripped.</summary>
    public static string Strip(string text)
    {
        var stripped = Strip(text.AsSpan());
        return stripped.Length == text.Length ? text : stripped.ToString();
    }

    /// <summary>Whether the code point at <paramref name="index"/> is a <c>\w</c> character (alphanumeric or <c>_</c>).</summary>
    public static bool IsWordCharAt(string text, int index)
    {
        if ((uint)index >= (uint)text.Length)
        {
            return false;
        }

        var c = text[index];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(text[index - 1]))
        {
            index--;
        }

        return Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == OperationStatus.Done && IsWordRune(rune);
    }

    /// <summary>Whether the code point that ends just before <paramref name="index"/> is a <c>\w</c> character.</summary>
    public static bool IsWordCharBefore(string text, int index)
    {
        if (index <= 0 || index > text.Length)
        {
            return false;
        }

        var c = text[index - 1];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out _) == OperationStatus.Done && IsWordRune(rune);
    }

    /// <summary>The <c>\b</c> assertion of a Unicode str pattern at <paramref name="index"/>.</summary>
    public static bool IsWordBoundary(string text, int index) => IsWordCharBefore(text, index) != IsWordCharAt(text, index);

    /// <summary>Whether <paramref name="rune"/> is a <c>\w</c> character of a str pattern (alphanumeric or <c>_</c>).</summary>
    public static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>str.lower()</c>: full lower-case mapping, including the two context-free special cases that differ from
    /// a simple per-character mapping (dotted capital I and final sigma).
    /// </summary>
    public static string ToLower(string text)
    {
        var firstChange = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x80 || char.IsAsciiLetterUpper(c))
            {
                firstChange = i;
                break;
            }
        }

        if (firstChange < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstChange);
        var index = firstChange;
        Span<char> buffer = stackalloc char[2];
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done)
            {
                // A lone surrogate has no case; CPython keeps it as it is.
                builder.Append(text[index]);
                index++;
                continue;
            }

            if (rune.Value == 0x0130)
            {
                builder.Append("i\u0307");
            }
            else if (rune.Value == 0x03A3)
            {
                builder.Append(IsFinalSigma(text, index) ? '\u03C2' : '\u03C3');
            }
            else
            {
                var lower = Rune.ToLowerInvariant(rune);
                var written = lower.EncodeToUtf16(buffer);
                builder.Append(buffer[..written]);
            }

            index += consumed;
        }

        return builder.ToString();
    }

    // Unicode's Final_Sigma condition as CPython applies it: a cased letter (skipping case-ignorable ones) before,
    // and no cased letter (skipping case-ignorable ones) after.
    private static bool IsFinalSigma(string text, int index)
    {
        var before = index;
        var foundCasedBefore = false;
        while (before > 0)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, before), out var rune, out var consumed);
            before -= consumed;
            if (IsCaseIgnorable(rune))
            {
                continue;
            }

            foundCasedBefore = IsCased(rune);
            break;
        }

        if (!foundCasedBefore)
        {
            return false;
        }

        var after = index + 1;
        while (after < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(after), out var rune, out var consumed);
            after += consumed;
            if (IsCaseIgnorable(rune))
            {
                continue;
            }

            return !IsCased(rune);
        }

        return true;
    }

    private static bool IsCased(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            || Rune.ToLowerInvariant(rune) != Rune.ToUpperInvariant(rune);
    }

    private static bool IsCaseIgnorable(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
            || rune.Value is '\'' or '.' or ':' or '^' or '`' or 0x00AD or 0x00B7 or 0x2018 or 0x2019 or 0x2024 or 0x2027;
    }

    /// <summary>Orders strings by code point, like Python's <c>str</c> comparison (UTF-16 ordinal differs for astral characters).</summary>
    public static int CompareCodePoints(string? left, string? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a == b)
            {
                continue;
            }

            // Surrogates encode code points above U+FFFF, so they sort after every other BMP character.
            var aSurrogate = char.IsSurrogate(a);
            var bSurrogate = char.IsSurrogate(b);
            if (aSurrogate != bSurrogate)
            {
                return aSurrogate ? 1 : -1;
            }

            return a < b ? -1 : 1;
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <summary>A comparer for <see cref="CompareCodePoints"/>.</summary>
    public static IComparer<string> CodePointComparer { get; } = Comparer<string>.Create(CompareCodePoints);

    /// <summary>Python's <c>repr()</c> of a string, close enough for error messages.</summary>
    public static string Repr(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append(quote);
        return builder.ToString();
    }
}
