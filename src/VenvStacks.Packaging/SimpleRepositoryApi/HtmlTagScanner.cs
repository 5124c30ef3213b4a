using System.Net;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>
/// A small, forgiving reader of HTML start tags — enough for simple-repository pages, which are lists of anchors.
/// Comments, doctypes, end tags and the contents of <c>script</c>/<c>style</c> are skipped; malformed markup never
/// throws, it just yields fewer tags.
/// </summary>
internal static class HtmlTagScanner
{
    public static IEnumerable<HtmlTag> Scan(string html)
    {
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || open + 1 >= html.Length)
            {
                yield break;
            }

            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var next = html[open + 1];
            if (next is '!' or '?' or '/' || !char.IsAsciiLetter(next))
            {
                var close = html.IndexOf('>', open + 1);
                i = close < 0 ? html.Length : close + 1;
                continue;
            }

            var position = open + 1;
            while (position < html.Length && (char.IsAsciiLetterOrDigit(html[position]) || html[position] == '-'))
            {
                position++;
            }

            var name = html[(open + 1)..position].ToLowerInvariant();
            var attributes = ReadAttributes(html, ref position);
            yield return new HtmlTag(name, attributes);
            i = position;

            if (name is "script" or "style")
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
            }
        }
    }

    private static Dictionary<string, string> ReadAttributes(string html, ref int i)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return attributes;
            }

            if (html[i] == '>')
            {
                i++;
                return attributes;
            }

            var start = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = html[start..i].ToLowerInvariant();
            if (name.Length == 0)
            {
                i++;
                continue;
            }

            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = string.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i++];
                    var close = html.IndexOf(quote, i);
                    var end = close < 0 ? html.Length : close;
                    value = html[i..end];
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            attributes.TryAdd(name, WebUtility.HtmlDecode(value));
        }

        return attributes;
    }
}
