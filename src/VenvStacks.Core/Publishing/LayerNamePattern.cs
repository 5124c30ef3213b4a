using System.Text;
using System.Text.RegularExpressions;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// A layer selection pattern as venvstacks' <c>--include</c> takes it: Python's <c>fnmatch</c> over build names
/// (<c>*</c>, <c>?</c>, <c>[seq]</c>, <c>[!seq]</c>), case-insensitive only on Windows as <c>fnmatch</c> is there.
/// </summary>
public sealed class LayerNamePattern
{
    private readonly Regex _regex;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public LayerNamePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var options = RegexOptions.CultureInvariant | RegexOptions.Singleline;
        if (OperatingSystem.IsWindows())
        {
            options |= RegexOptions.IgnoreCase;
        }

        _regex = new Regex(Translate(pattern), options);
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Whether the pattern matches the whole of <paramref name="buildName"/>.</summary>
    public bool IsMatch(string buildName) => _regex.IsMatch(buildName);

    /// <inheritdoc />
    public override string ToString() => Pattern;

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder("^(?:");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when SetEnd(pattern, i) is var end && end > 0:
                    AppendSet(regex, pattern[(i + 1)..end]);
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append(@")\z").ToString();
    }

    // Where the set starting at '[' ends, or -1 when it is not closed (then '[' is literal, as in fnmatch). A ']' right
    // after '[' or '[!' belongs to the set.
    private static int SetEnd(string pattern, int open)
    {
        var j = open + 1;
        if (j < pattern.Length && pattern[j] == '!')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        var close = pattern.IndexOf(']', j);
        return close;
    }

    private static void AppendSet(StringBuilder regex, string body)
    {
        var negated = body.StartsWith('!');
        if (negated)
        {
            body = body[1..];
        }

        regex.Append(negated ? "[^" : "[");
        foreach (var c in body)
        {
            // '-' keeps its range meaning; everything else is literal inside the class.
            regex.Append(c is '\\' or '[' or ']' or '^' ? "\\" + c : c.ToString());
        }

        regex.Append(']');
    }
}
