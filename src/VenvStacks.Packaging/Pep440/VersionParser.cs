using System.Runtime.CompilerServices;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// A single-pass recogniser for PEP 440 versions that accepts exactly what pypa/packaging's
/// <c>VERSION_PATTERN</c> accepts (with surrounding whitespace, a <c>v</c> prefix, every alternative spelling and
/// separator), and notes on the way whether the input already is the canonical form so that
/// <see cref="Version.ToString"/> can reuse it.
/// </summary>
internal static class VersionParser
{
    private const int StackReleaseCapacity = 16;

    /// <summary>Parses <paramref name="input"/>; on failure returns null with the index where recognition stopped.</summary>
    public static Version? TryParse(string input, out int errorPosition, out string? errorDetail)
    {
        errorDetail = null;
        var s = input.AsSpan();
        var end = s.Length;
        var i = 0;
        var canonical = true;

        while (i < end && PythonText.IsWhiteSpace(s[i]))
        {
            i++;
        }

        while (end > i && PythonText.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        if (i != 0 || end != s.Length)
        {
            canonical = false;
        }

        if (i < end && (s[i] | 0x20) == 'v')
        {
            i++;
            canonical = false;
        }

        long epoch = 0;
        var digitsEnd = ScanDigits(s, i, end);
        if (digitsEnd > i && digitsEnd < end && s[digitsEnd] == '!' && ScanDigits(s, digitsEnd + 1, end) > digitsEnd + 1)
        {
            if (!TryReadNumber(s[i..digitsEnd], ref canonical, out epoch))
            {
                return Fail(i, out errorPosition, out errorDetail);
            }

            if (epoch == 0)
            {
                canonical = false;
            }

            i = digitsEnd + 1;
            digitsEnd = ScanDigits(s, i, end);
        }

        if (digitsEnd == i)
        {
            errorPosition = i;
            return null;
        }

        Span<long> stackRelease = stackalloc long[StackReleaseCapacity];
        List<long>? moreRelease = null;
        var releaseCount = 0;
        while (true)
        {
            if (!TryReadNumber(s[i..digitsEnd], ref canonical, out var component))
            {
                return Fail(i, out errorPosition, out errorDetail);
            }

            if (releaseCount < StackReleaseCapacity)
            {
                stackRelease[releaseCount] = component;
            }
            else
            {
                moreRelease ??= new List<long>(stackRelease.ToArray());
                moreRelease.Add(component);
            }

            releaseCount++;
            i = digitsEnd;
            if (i + 1 < end && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
                digitsEnd = ScanDigits(s, i, end);
                continue;
            }

            break;
        }

        // Pre-release: [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? digits?
        var preLabel = PreReleaseLabel.None;
        long preNumber = 0;
        {
            var leadingSeparator = i < end && IsSeparator(s[i]);
            var p = leadingSeparator ? i + 1 : i;
            var label = MatchPreLabel(s[p..end], out var labelLength, out var labelIsCanonical);
            if (label != PreReleaseLabel.None)
            {
                canonical &= !leadingSeparator && labelIsCanonical;
                p += labelLength;
                if (!TryReadLabelNumber(s, ref p, end, ref canonical, out preNumber))
                {
                    return Fail(p, out errorPosition, out errorDetail);
                }

                preLabel = label;
                i = p;
            }
        }

        // Post-release: -digits | [._-]? (post|rev|r) [._-]? digits?
        long post = -1;
        if (i + 1 < end && s[i] == '-' && char.IsAsciiDigit(s[i + 1]))
        {
            var numberEnd = ScanDigits(s, i + 1, end);
            if (!TryReadNumber(s[(i + 1)..numberEnd], ref canonical, out post))
            {
                return Fail(i + 1, out errorPosition, out errorDetail);
            }

            canonical = false;
            i = numberEnd;
        }
        else
        {
            var leadingSeparator = i < end && IsSeparator(s[i]);
            var p = leadingSeparator ? i + 1 : i;
            var labelLength = MatchPostLabel(s[p..end], out var labelIsCanonical);
            if (labelLength > 0)
            {
                canonical &= leadingSeparator && s[i] == '.' && labelIsCanonical;
                p += labelLength;
                if (!TryReadLabelNumber(s, ref p, end, ref canonical, out post))
                {
                    return Fail(p, out errorPosition, out errorDetail);
                }

                i = p;
            }
        }

        // Development release: [._-]? dev [._-]? digits?
        long dev = -1;
        {
            var leadingSeparator = i < end && IsSeparator(s[i]);
            var p = leadingSeparator ? i + 1 : i;
            if (StartsWithIgnoreAsciiCase(s[p..end], "dev", out var labelIsCanonical))
            {
                canonical &= leadingSeparator && s[i] == '.' && labelIsCanonical;
                p += 3;
                if (!TryReadLabelNumber(s, ref p, end, ref canonical, out dev))
                {
                    return Fail(p, out errorPosition, out errorDetail);
                }

                i = p;
            }
        }

        // Local version label: + alnum+ ([._-] alnum+)*
        LocalSegment[]? local = null;
        if (i + 1 < end && s[i] == '+' && char.IsAsciiLetterOrDigit(s[i + 1]))
        {
            var segments = new List<LocalSegment>(4);
            var p = i + 1;
            while (true)
            {
                var segmentStart = p;
                while (p < end && char.IsAsciiLetterOrDigit(s[p]))
                {
                    p++;
                }

                segments.Add(CreateLocalSegment(s[segmentStart..p], ref canonical));
                if (p + 1 < end && IsSeparator(s[p]) && char.IsAsciiLetterOrDigit(s[p + 1]))
                {
                    if (s[p] != '.')
                    {
                        canonical = false;
                    }

                    p++;
                    continue;
                }

                break;
            }

            local = [.. segments];
            i = p;
        }

        if (i != end)
        {
            errorPosition = i;
            return null;
        }

        var release = moreRelease is not null ? moreRelease.ToArray() : stackRelease[..releaseCount].ToArray();
        errorPosition = -1;
        return new Version(epoch, release, preLabel, preNumber, post, dev, local, canonical ? input : null);
    }

    private static Version? Fail(int position, out int errorPosition, out string? errorDetail)
    {
        errorPosition = position;
        errorDetail = "numbers above 9223372036854775807 are not supported";
        return null;
    }

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';

    private static int ScanDigits(ReadOnlySpan<char> s, int start, int end)
    {
        var i = start;
        while (i < end && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// The <c>[._-]? digits?</c> after a pre-, post- or dev-release label at <paramref name="p"/>, which moves past it;
    /// a missing number is 0. A separator there or a missing number is not canonical. On overflow <paramref name="p"/>
    /// is left at the digits, where the error points.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadLabelNumber(ReadOnlySpan<char> s, ref int p, int end, ref bool canonical, out long value)
    {
        if (p < end && IsSeparator(s[p]))
        {
            p++;
            canonical = false;
        }

        var numberEnd = ScanDigits(s, p, end);
        if (numberEnd == p)
        {
            value = 0;
            canonical = false;
            return true;
        }

        if (!TryReadNumber(s[p..numberEnd], ref canonical, out value))
        {
            return false;
        }

        p = numberEnd;
        return true;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> digits, ref bool canonical, out long value)
    {
        if (digits.Length > 1 && digits[0] == '0')
        {
            canonical = false;
        }

        value = 0;
        foreach (var digit in digits)
        {
            var d = digit - '0';
            if (value > (long.MaxValue - d) / 10)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static PreReleaseLabel MatchPreLabel(ReadOnlySpan<char> s, out int length, out bool isCanonical)
    {
        // The order is the regex's alternation order: a longer spelling is tried before its prefix.
        if (StartsWithIgnoreAsciiCase(s, "alpha", out _))
        {
            length = 5;
            isCanonical = false;
            return PreReleaseLabel.Alpha;
        }

        if (StartsWithIgnoreAsciiCase(s, "a", out isCanonical))
        {
            length = 1;
            return PreReleaseLabel.Alpha;
        }

        if (StartsWithIgnoreAsciiCase(s, "beta", out _))
        {
            length = 4;
            isCanonical = false;
            return PreReleaseLabel.Beta;
        }

        if (StartsWithIgnoreAsciiCase(s, "b", out isCanonical))
        {
            length = 1;
            return PreReleaseLabel.Beta;
        }

        if (StartsWithIgnoreAsciiCase(s, "preview", out _))
        {
            length = 7;
            isCanonical = false;
            return PreReleaseLabel.ReleaseCandidate;
        }

        if (StartsWithIgnoreAsciiCase(s, "pre", out _))
        {
            length = 3;
            isCanonical = false;
            return PreReleaseLabel.ReleaseCandidate;
        }

        if (StartsWithIgnoreAsciiCase(s, "c", out _))
        {
            length = 1;
            isCanonical = false;
            return PreReleaseLabel.ReleaseCandidate;
        }

        if (StartsWithIgnoreAsciiCase(s, "rc", out isCanonical))
        {
            length = 2;
            return PreReleaseLabel.ReleaseCandidate;
        }

        length = 0;
        isCanonical = false;
        return PreReleaseLabel.None;
    }

    private static int MatchPostLabel(ReadOnlySpan<char> s, out bool isCanonical)
    {
        if (StartsWithIgnoreAsciiCase(s, "post", out isCanonical))
        {
            return 4;
        }

        isCanonical = false;
        if (StartsWithIgnoreAsciiCase(s, "rev", out _))
        {
            return 3;
        }

        return StartsWithIgnoreAsciiCase(s, "r", out _) ? 1 : 0;
    }

    /// <summary>ASCII-only case-insensitive prefix test (the regex's <c>(?a:)</c> groups); reports an all-lower-case match.</summary>
    internal static bool StartsWithIgnoreAsciiCase(ReadOnlySpan<char> s, string lowerPrefix, out bool exactLowerCase)
    {
        exactLowerCase = false;
        if (s.Length < lowerPrefix.Length)
        {
            return false;
        }

        var exact = true;
        for (var k = 0; k < lowerPrefix.Length; k++)
        {
            var c = s[k];
            if (c == lowerPrefix[k])
            {
                continue;
            }

            if (c < 0x80 && char.IsAsciiLetterUpper(c) && (char)(c | 0x20) == lowerPrefix[k])
            {
                exact = false;
                continue;
            }

            return false;
        }

        exactLowerCase = exact;
        return true;
    }

    private static LocalSegment CreateLocalSegment(ReadOnlySpan<char> text, ref bool canonical)
    {
        var allDigits = true;
        var hasUpper = false;
        foreach (var c in text)
        {
            allDigits &= char.IsAsciiDigit(c);
            hasUpper |= char.IsAsciiLetterUpper(c);
        }

        if (allDigits)
        {
            var firstNonZero = 0;
            while (firstNonZero < text.Length - 1 && text[firstNonZero] == '0')
            {
                firstNonZero++;
            }

            if (firstNonZero > 0)
            {
                canonical = false;
            }

            return new LocalSegment(text[firstNonZero..].ToString(), IsNumeric: true);
        }

        if (hasUpper)
        {
            canonical = false;
            Span<char> lower = stackalloc char[text.Length <= 128 ? text.Length : 0];
            if (lower.Length == text.Length)
            {
                System.Text.Ascii.ToLower(text, lower, out _);
                return new LocalSegment(lower.ToString(), IsNumeric: false);
            }

            return new LocalSegment(text.ToString().ToLowerInvariant(), IsNumeric: false);
        }

        return new LocalSegment(text.ToString(), IsNumeric: false);
    }
}
