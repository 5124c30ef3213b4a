using System.Text;

namespace VenvStacks.Packaging.Credentials;

/// <summary>
/// A <c>.netrc</c> file: <c>machine</c>/<c>default</c> entries with <c>login</c>, <c>password</c> (and <c>account</c>,
/// ignored), <c>macdef</c> blocks skipped. Tokens are separated by white space and may be double-quoted. When a machine
/// appears twice the later entry wins, as in Python's <c>netrc</c> module.
/// </summary>
internal sealed class NetrcFile
{
    private readonly Dictionary<string, IndexCredentials> _machines;

    private NetrcFile(Dictionary<string, IndexCredentials> machines, IndexCredentials? fallback)
    {
        this._machines = machines;
        Default = fallback;
    }

    /// <summary>The <c>default</c> entry, if any.</summary>
    public IndexCredentials? Default { get; }

    /// <summary>Parses netrc text; malformed trailing tokens are ignored rather than fatal.</summary>
    public static NetrcFile Parse(string text)
    {
        var tokens = Tokenize(text);
        var machines = new Dictionary<string, IndexCredentials>(StringComparer.OrdinalIgnoreCase);
        IndexCredentials? fallback = null;
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i++];
            if (token.Text == "macdef")
            {
                // A macro body runs to the first blank line; its words are not netrc tokens.
                i++;
                while (i < tokens.Count && !tokens[i].AfterBlankLine)
                {
                    i++;
                }

                continue;
            }

            if (token.Text is not ("machine" or "default"))
            {
                continue;
            }

            string? host = null;
            if (token.Text == "machine" && i < tokens.Count)
            {
                host = tokens[i++].Text;
            }

            string? login = null;
            string? password = null;
            while (i < tokens.Count && tokens[i].Text is not ("machine" or "default" or "macdef"))
            {
                var key = tokens[i++].Text;
                var value = i < tokens.Count ? tokens[i++].Text : null;
                switch (key)
                {
                    case "login":
                        login = value;
                        break;
                    case "password":
                        password = value;
                        break;
                }
            }

            if (login is null && password is null)
            {
                continue;
            }

            var credentials = new IndexCredentials(login ?? string.Empty, password);
            if (host is null)
            {
                fallback = credentials;
            }
            else
            {
                machines[host] = credentials;
            }
        }

        return new NetrcFile(machines, fallback);
    }

    /// <summary>The entry for a host name, not falling back to <see cref="Default"/>.</summary>
    public IndexCredentials? ForMachine(string host) => _machines.GetValueOrDefault(host);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var blankLineSeen = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                var next = i + 1;
                while (next < text.Length && text[next] is ' ' or '\t' or '\r')
                {
                    next++;
                }

                if (next < text.Length && text[next] == '\n')
                {
                    blankLineSeen = true;
                }

                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '#' && (i == 0 || text[i - 1] == '\n'))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            var value = new StringBuilder();
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }

                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }
            }

            tokens.Add(new Token(value.ToString(), blankLineSeen));
            blankLineSeen = false;
        }

        return tokens;
    }

    private readonly record struct Token(string Text, bool AfterBlankLine);
}
