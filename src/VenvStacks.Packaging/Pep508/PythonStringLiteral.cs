using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// Decodes the body of a quoted marker value the way <c>ast.literal_eval</c> does in pypa/packaging: backslash
/// escapes are interpreted (<c>\n</c>, <c>\x41</c>, <c>\101</c>, <c>\u00e9</c>, line continuations...), unknown
/// escapes are kept, and a raw line break, NUL, lone surrogate or incomplete escape makes the string invalid.
/// </summary>
/// <remarks><c>\N{NAME}</c> escapes need the Unicode name database, which .NET does not ship; they are rejected.</remarks>
internal static class PythonStringLiteral
{
    /// <summary>Decodes <c>text[start..end]</c> (between the quotes); returns null when the literal is invalid.</summary>
    public static string? TryDecode(string text, int start, int end)
    {
        var backslash = text.IndexOf('\\', start, end - start);
        if (ContainsInvalidRaw(text, start, backslash < 0 ? end : backslash))
        {
            return null;
        }

        if (backslash < 0)
        {
            return text.Substring(start, end - start);
        }

        var builder = new StringBuilder(end - start);
        builder.Append(text, start, backslash - start);
        var i = backslash;
        while (i < end)
        {
            var c = text[i];
            if (c != '\\')
            {
                if (IsInvalidRaw(text, i))
                {
                    return null;
                }

                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end)
            {
                // The backslash escapes the closing quote: the literal never ends.
                return null;
            }

            var next = text[i + 1];
            switch (next)
            {
                case '\n':
                    i += 2;
                    continue;
                case '\r':
                    i += i + 2 < end && text[i + 2] == '\n' ? 3 : 2;
                    continue;
                case '\\':
                case '\'':
                case '"':
                    builder.Append(next);
                    i += 2;
                    continue;
                case 'a':
                    builder.Append('\a');
                    i += 2;
                    continue;
                case 'b':
                    builder.Append('\b');
                    i += 2;
                    continue;
                case 'f':
                    builder.Append('\f');
                    i += 2;
                    continue;
                case 'n':
                    builder.Append('\n');
                    i += 2;
                    continue;
                case 'r':
                    builder.Append('\r');
                    i += 2;
                    continue;
                case 't':
                    builder.Append('\t');
                    i += 2;
                    continue;
                case 'v':
                    builder.Append('\v');
                    i += 2;
                    continue;
                case 'x':
                case 'u':
                case 'U':
                    {
                        var digits = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                        if (i + 2 + digits > end
                            || !int.TryParse(text.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                            || !IsHex(text.AsSpan(i + 2, digits))
                            || value is < 0 or > 0x10FFFF)
                        {
                            return null;
                        }

                        AppendCodePoint(builder, value);
                        i += 2 + digits;
                        continue;
                    }

                case 'N':
                    return null;
                default:
                    if (next is >= '0' and <= '7')
                    {
                        var value = 0;
                        var j = i + 1;
                        while (j < end && j < i + 4 && text[j] is >= '0' and <= '7')
                        {
                            value = (value * 8) + (text[j] - '0');
                            j++;
                        }

                        builder.Append((char)value);
                        i = j;
                        continue;
                    }

                    // Python keeps an unrecognised escape as written (with a warning).
                    builder.Append('\\');
                    i++;
                    continue;
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendCodePoint(StringBuilder builder, int value)
    {
        if (value < 0x10000)
        {
            builder.Append((char)value);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(value));
        }
    }

    private static bool ContainsInvalidRaw(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsInvalidRaw(text, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Raw characters Python rejects inside a one-line string literal: line breaks, NUL, unpaired surrogates.</summary>
    private static bool IsInvalidRaw(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\r' or '\0')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}
