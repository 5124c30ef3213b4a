using System.Text;
using System.Text.RegularExpressions;

namespace VenvStacks.Core.Environments;

/// <summary>
/// One <c>dynlib_exclude</c> entry, matched as venvstacks matches it (docs/venvstacks-reference.md §1.2): the pattern
/// is prefixed with '/', translated like Python's <c>glob.translate(recursive=True, include_hidden=True)</c>, and
/// searched for at the end of the library's absolute path. So <c>libfoo.so</c> excludes that file anywhere,
/// <c>pkg/*.so</c> the libraries directly in a <c>pkg</c> folder, <c>pkg/**/libfoo.*</c> any depth below it, and
/// <c>*</c> every library.
/// </summary>
internal sealed class DynlibExcludePattern
{
    private const string NotSeparator = "[^/]";
    private const string Star = NotSeparator + "*";
    private readonly Regex _regex;

    public DynlibExcludePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _regex = new Regex(Translate("/" + pattern), RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern as written in the spec.</summary>
    public string Pattern { get; }

    /// <summary>The regular expression the pattern became (for diagnostics and tests).</summary>
    public string Expression => _regex.ToString();

    /// <summary>Whether the pattern excludes the library at <paramref name="absolutePath"/>.</summary>
    public bool Matches(string absolutePath)
    {
        ArgumentNullException.ThrowIfNull(absolutePath);
        return _regex.IsMatch(absolutePath.Replace('\\', '/'));
    }

    private static string Translate(string pattern)
    {
        // With include_hidden, wildcards also match names starting with '.'.
        const string oneLastSegment = NotSeparator + "+";
        const string oneSegment = oneLastSegment + "/";
        const string anySegments = "(?:.+/)?";
        const string anyLastSegments = ".*";
        var parts = pattern.Split('/');
        var last = parts.Length - 1;
        var result = new StringBuilder("(?s:");
        for (var index = 0; index < parts.Length; index++)
        {
            var part = parts[index];
            if (part == "*")
            {
                result.Append(index < last ? oneSegment : oneLastSegment);
            }
            else if (part == "**")
            {
                if (index == last)
                {
                    result.Append(anyLastSegments);
                }
                else if (parts[index + 1] != "**")
                {
                    result.Append(anySegments);
                }
            }
            else
            {
                TranslateSegment(part, result);
                if (index < last)
                {
                    result.Append('/');
                }
            }
        }

        // Python's \Z is .NET's \z (the very end, not before a final newline).
        return result.Append(@")\z").ToString();
    }

    // fnmatch's translation of one segment, with '*' and '?' not crossing a separator.
    private static void TranslateSegment(string pattern, StringBuilder result)
    {
        var i = 0;
        var n = pattern.Length;
        var lastWasStar = false;
        while (i < n)
        {
            var c = pattern[i++];
            if (c == '*')
            {
                if (!lastWasStar)
                {
                    result.Append(Star);
                }

                lastWasStar = true;
                continue;
            }

            lastWasStar = false;
            if (c == '?')
            {
                result.Append(NotSeparator);
            }
            else if (c == '[')
            {
                i = TranslateSet(pattern, i, result);
            }
            else
            {
                result.Append(Regex.Escape(c.ToString()));
            }
        }
    }

    // A bracket expression starting just after '[' at index i; returns the index after it.
    private static int TranslateSet(string pattern, int i, StringBuilder result)
    {
        var n = pattern.Length;
        var j = i;
        if (j < n && pattern[j] == '!')
        {
            j++;
        }

        if (j < n && pattern[j] == ']')
        {
            j++;
        }

        while (j < n && pattern[j] != ']')
        {
            j++;
        }

        if (j >= n)
        {
            result.Append(@"\[");
            return i;
        }

        var stuff = SetBody(pattern, i, j);
        if (stuff.Length == 0)
        {
            result.Append("(?!)");
        }
        else if (stuff == "!")
        {
            result.Append('.');
        }
        else
        {
            if (stuff[0] == '!')
            {
                stuff = "^" + stuff[1..];
            }
            else if (stuff[0] is '^' or '[')
            {
                stuff = @"\" + stuff;
            }

            result.Append('[').Append(stuff).Append(']');
        }

        return j + 1;
    }

    private static string SetBody(string pattern, int i, int j)
    {
        var body = pattern[i..j];
        if (!body.Contains('-', StringComparison.Ordinal))
        {
            return EscapeInSet(body, escapeHyphen: false);
        }

        // Split at range hyphens, then drop empty ranges such as "z-a" as fnmatch does.
        var chunks = new List<string>();
        var k = pattern[i] == '!' ? i + 2 : i + 1;
        while (true)
        {
            k = k < j ? pattern.IndexOf('-', k, j - k) : -1;
            if (k < 0)
            {
                break;
            }

            chunks.Add(pattern[i..k]);
            i = k + 1;
            k += 3;
        }

        var tail = pattern[i..j];
        if (tail.Length > 0)
        {
            chunks.Add(tail);
        }
        else
        {
            chunks[^1] += "-";
        }

        for (var c = chunks.Count - 1; c > 0; c--)
        {
            if (chunks[c - 1].Length > 0 && chunks[c].Length > 0 && chunks[c - 1][^1] > chunks[c][0])
            {
                chunks[c - 1] = chunks[c - 1][..^1] + chunks[c][1..];
                chunks.RemoveAt(c);
            }
        }

        return string.Join("-", chunks.Select(s => EscapeInSet(s, escapeHyphen: true)));
    }

    // Backslashes (and literal hyphens) are escaped as fnmatch does; '[' too, which .NET would read as set subtraction.
    private static string EscapeInSet(string text, bool escapeHyphen)
    {
        var escaped = text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal);
        return escapeHyphen ? escaped.Replace("-", @"\-", StringComparison.Ordinal) : escaped;
    }
}
