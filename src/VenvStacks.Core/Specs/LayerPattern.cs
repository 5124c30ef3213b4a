using System.Text;
using System.Text.RegularExpressions;

namespace VenvStacks.Core.Specs;

/// <summary>
/// A build-name pattern as venvstacks' <c>--include</c> and <c>--reset-lock</c> take them (Python's <c>fnmatch</c>:
/// <c>*</c> any run, <c>?</c> one character, <c>[seq]</c>/<c>[!seq]</c> a set), matched case-sensitively as on POSIX.
/// </summary>
public sealed class LayerPattern
{
    private readonly Regex _regex;

    private LayerPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Translates <paramref name="pattern"/> (an unclosed <c>[</c> is a literal, as in fnmatch).</summary>
    public static LayerPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else if (c == '[' && SetEnd(pattern, i) is var close && close > i)
            {
                var set = pattern[(i + 1)..close];
                var negated = set.StartsWith('!');
                var members = (negated ? set[1..] : set)
                    .Replace(@"\", @"\\", StringComparison.Ordinal)
                    .Replace("[", @"\[", StringComparison.Ordinal)
                    .Replace("]", @"\]", StringComparison.Ordinal)
                    .Replace("^", @"\^", StringComparison.Ordinal);
                regex.Append('[').Append(negated ? "^" : string.Empty).Append(members).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new LayerPattern(pattern, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    // The ']' closing a set that opens at 'start', or -1 (then '[' is literal). A ']' right after '[' or '[!' is a member.
    private static int SetEnd(string pattern, int start)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '!')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        return i < pattern.Length ? pattern.IndexOf(']', i) : -1;
    }

    /// <summary>Whether <paramref name="buildName"/> matches.</summary>
    public bool Matches(string buildName) => _regex.IsMatch(buildName);

    /// <inheritdoc />
    public override string ToString() => Text;
}
