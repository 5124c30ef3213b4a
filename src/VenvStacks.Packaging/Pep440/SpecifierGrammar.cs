using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// Recognises one version specifier (operator and version) the way pypa/packaging's specifier regular expression
/// does: <c>===</c> takes any run of characters other than whitespace, <c>;</c> and <c>)</c>; <c>==</c>/<c>!=</c>
/// allow a <c>.*</c> suffix or a local label; <c>~=</c> needs two release components; the others allow neither.
/// Letters match ASCII-only and case-insensitively; whitespace is Python's.
/// </summary>
internal static class SpecifierGrammar
{
    /// <summary>
    /// Matches a specifier starting exactly at <paramref name="start"/> (no leading whitespace) and returns the
    /// index just after it, or -1 when nothing matches. The match is the longest the regex's greedy choices give.
    /// </summary>
    public static int Match(ReadOnlySpan<char> s, int start, out SpecifierOperator op)
    {
        op = default;
        var end = s.Length;
        if (start + 3 <= end && s[start] == '=' && s[start + 1] == '=' && s[start + 2] == '=')
        {
            op = SpecifierOperator.ArbitraryEqual;
            var p = SkipWhiteSpace(s, start + 3);
            while (p < end && !PythonText.IsWhiteSpace(s[p]) && s[p] is not (';' or ')'))
            {
                p++;
            }

            return p;
        }

        if (start + 2 > end)
        {
            if (start < end && s[start] is '<' or '>')
            {
                op = s[start] == '<' ? SpecifierOperator.LessThan : SpecifierOperator.GreaterThan;
                return MatchVersion(s, start + 1, allowWildcardOrLocal: false, minimumReleaseComponents: 1);
            }

            return -1;
        }

        var first = s[start];
        var second = s[start + 1];
        if (second == '=' && first is '=' or '!')
        {
            op = first == '=' ? SpecifierOperator.Equal : SpecifierOperator.NotEqual;
            return MatchVersion(s, start + 2, allowWildcardOrLocal: true, minimumReleaseComponents: 1);
        }

        if (second == '=' && first == '~')
        {
            op = SpecifierOperator.Compatible;
            return MatchVersion(s, start + 2, allowWildcardOrLocal: false, minimumReleaseComponents: 2);
        }

        if (first is '<' or '>')
        {
            if (second == '=')
            {
                op = first == '<' ? SpecifierOperator.LessThanOrEqual : SpecifierOperator.GreaterThanOrEqual;
                var matched = MatchVersion(s, start + 2, allowWildcardOrLocal: false, minimumReleaseComponents: 1);
                if (matched >= 0)
                {
                    return matched;
                }
            }

            op = first == '<' ? SpecifierOperator.LessThan : SpecifierOperator.GreaterThan;
            return MatchVersion(s, start + 1, allowWildcardOrLocal: false, minimumReleaseComponents: 1);
        }

        return -1;
    }

    /// <summary>The operator's spelling.</summary>
    public static string ToText(SpecifierOperator op) => op switch
    {
        SpecifierOperator.Compatible => "~=",
        SpecifierOperator.Equal => "==",
        SpecifierOperator.NotEqual => "!=",
        SpecifierOperator.LessThanOrEqual => "<=",
        SpecifierOperator.GreaterThanOrEqual => ">=",
        SpecifierOperator.LessThan => "<",
        SpecifierOperator.GreaterThan => ">",
        _ => "===",
    };

    public static int SkipWhiteSpace(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && PythonText.IsWhiteSpace(s[p]))
        {
            p++;
        }

        return p;
    }

    private static int MatchVersion(ReadOnlySpan<char> s, int p, bool allowWildcardOrLocal, int minimumReleaseComponents)
    {
        var end = s.Length;
        p = SkipWhiteSpace(s, p);
        if (p < end && s[p] is 'v' or 'V')
        {
            p++;
        }

        var digitsEnd = ScanDigits(s, p);
        if (digitsEnd > p && digitsEnd < end && s[digitsEnd] == '!' && ScanDigits(s, digitsEnd + 1) > digitsEnd + 1)
        {
            // An epoch only when a release follows; otherwise the regex backtracks and the digits are the release.
            p = digitsEnd + 1;
            digitsEnd = ScanDigits(s, p);
        }

        if (digitsEnd == p)
        {
            return -1;
        }

        var components = 1;
        p = digitsEnd;
        while (p + 1 < end && s[p] == '.' && char.IsAsciiDigit(s[p + 1]))
        {
            p = ScanDigits(s, p + 1);
            components++;
        }

        if (components < minimumReleaseComponents)
        {
            return -1;
        }

        if (allowWildcardOrLocal && p + 1 < end && s[p] == '.' && s[p + 1] == '*')
        {
            return p + 2;
        }

        p = MatchPreRelease(s, p);
        p = MatchPostRelease(s, p);
        p = MatchDevRelease(s, p);
        if (allowWildcardOrLocal)
        {
            p = MatchLocal(s, p, ignoreCase: true);
        }

        return p;
    }

    private static int MatchPreRelease(ReadOnlySpan<char> s, int p) =>
        MatchLabelledNumber(s, p, ["alpha", "beta", "preview", "pre", "a", "b", "c", "rc"]);

    private static int MatchPostRelease(ReadOnlySpan<char> s, int p)
    {
        // The implicit post-release "-N" has no label.
        if (p + 1 < s.Length && s[p] == '-' && char.IsAsciiDigit(s[p + 1]))
        {
            return ScanDigits(s, p + 1);
        }

        return MatchLabelledNumber(s, p, ["post", "rev", "r"]);
    }

    private static int MatchDevRelease(ReadOnlySpan<char> s, int p) => MatchLabelledNumber(s, p, ["dev"]);

    /// <summary>
    /// <c>[-_\.]?(label)[-_\.]?[0-9]*</c>, the shape of the pre-, post- and dev-release segments; returns
    /// <paramref name="p"/> when no label follows.
    /// </summary>
    private static int MatchLabelledNumber(ReadOnlySpan<char> s, int p, ReadOnlySpan<string> labels)
    {
        var q = p < s.Length && IsSeparator(s[p]) ? p + 1 : p;
        var label = MatchAny(s, q, labels);
        if (label == 0)
        {
            return p;
        }

        q += label;
        if (q < s.Length && IsSeparator(s[q]))
        {
            q++;
        }

        return ScanDigits(s, q);
    }

    /// <summary><c>\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*</c>; returns <paramref name="p"/> when there is no local label.</summary>
    public static int MatchLocal(ReadOnlySpan<char> s, int p, bool ignoreCase)
    {
        if (p + 1 >= s.Length || s[p] != '+' || !IsLocalChar(s[p + 1], ignoreCase))
        {
            return p;
        }

        var q = p + 1;
        while (true)
        {
            while (q < s.Length && IsLocalChar(s[q], ignoreCase))
            {
                q++;
            }

            if (q + 1 < s.Length && IsSeparator(s[q]) && IsLocalChar(s[q + 1], ignoreCase))
            {
                q++;
                continue;
            }

            return q;
        }
    }

    private static bool IsLocalChar(char c, bool ignoreCase) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || (ignoreCase && char.IsAsciiLetterUpper(c));

    private static int MatchAny(ReadOnlySpan<char> s, int p, ReadOnlySpan<string> alternatives)
    {
        foreach (var alternative in alternatives)
        {
            if (VersionParser.StartsWithIgnoreAsciiCase(s[p..], alternative, out _))
            {
                return alternative.Length;
            }
        }

        return 0;
    }

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';

    private static int ScanDigits(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && char.IsAsciiDigit(s[p]))
        {
            p++;
        }

        return p;
    }
}
