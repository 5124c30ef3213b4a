using System.Text;
using System.Text.RegularExpressions;

namespace VenvStacks.Core.SourceTrees;

/// <summary>One line of a <c>.gitignore</c> file, compiled to a regular expression over '/'-separated paths.</summary>
internal sealed class GitIgnorePattern
{
    private readonly Regex _regex;

    private GitIgnorePattern(Regex regex, bool negated, bool directoryOnly)
    {
        _regex = regex;
        Negated = negated;
        DirectoryOnly = directoryOnly;
    }

    /// <summary>A <c>!pattern</c> that re-includes what earlier patterns excluded.</summary>
    public bool Negated { get; }

    /// <summary>A <c>pattern/</c> that only matches directories.</summary>
    public bool DirectoryOnly { get; }

    /// <summary>Parses one line; null for blank lines and comments.</summary>
    public static GitIgnorePattern? Parse(string line)
    {
        var text = TrimTrailingSpaces(line);
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var negated = false;
        if (text[0] == '!')
        {
            negated = true;
            text = text[1..];
        }

        var directoryOnly = text.EndsWith('/');
        if (directoryOnly)
        {
            text = text.TrimEnd('/');
        }

        if (text.Length == 0)
        {
            return null;
        }

        // A slash at the start or in the middle anchors the pattern to the .gitignore's folder (git docs).
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        var body = Translate(text);
        var pattern = anchored ? $"^{body}$" : $"^(?:.*/)?{body}$";
        return new GitIgnorePattern(new Regex(pattern, RegexOptions.CultureInvariant), negated, directoryOnly);
    }

    /// <summary>Whether the pattern matches a path relative to its <c>.gitignore</c> folder.</summary>
    public bool Matches(string relativePath, bool isDirectory) =>
        (isDirectory || !DirectoryOnly) && _regex.IsMatch(relativePath);

    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end].TrimEnd('\r');
    }

    private static string Translate(string glob)
    {
        var result = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*' && (i == 0 || glob[i - 1] == '/')
                && (i + 2 == glob.Length || glob[i + 2] == '/'))
            {
                if (i + 2 == glob.Length)
                {
                    // Trailing "**": everything below.
                    result.Append(".*");
                }
                else
                {
                    // "**/": zero or more folders.
                    result.Append("(?:.*/)?");
                    i++;
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '*':
                    result.Append("[^/]*");
                    break;
                case '?':
                    result.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        result.Append(@"\[");
                        break;
                    }

                    var set = glob[(i + 1)..close];
                    if (set.StartsWith('!'))
                    {
                        set = "^" + set[1..];
                    }

                    result.Append('[').Append(set.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    result.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    result.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return result.ToString();
    }
}
