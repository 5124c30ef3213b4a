using System.Text.RegularExpressions;

namespace VenvStacks.Core.Specs.Tooling;

/// <summary>
/// Checks a <c>[[tool.uv.index]]</c> <c>url</c> when the spec is read (docs/venvstacks-reference.md §1.6): text that
/// starts with a URL scheme must be an http, https or file URL that parses; anything else is a folder path, taken from
/// the configuration file's folder as uv does, whose existence can only be checked when locking (VSTK2108).
/// </summary>
internal static partial class PackageIndexLocation
{
    /// <summary>Why <paramref name="url"/> cannot work as an index location, or null when it can.</summary>
    public static string? Problem(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Package index URL is empty; give an http(s) URL or a folder path";
        }

        // One letter before ':' is a Windows drive ("C:\wheels"), not a scheme.
        var scheme = SchemePattern().Match(url);
        if (!scheme.Success)
        {
            return url.Contains('\0', StringComparison.Ordinal) ? "Package index folder path contains a NUL character" : null;
        }

        var name = scheme.Groups["scheme"].Value.ToLowerInvariant();
        if (name is not ("http" or "https" or "file"))
        {
            return $"Package index URL '{Redact(url)}' uses the unsupported scheme '{name}'; use http, https, file or a folder path";
        }

        try
        {
            var parsed = new Uri(url, UriKind.Absolute);
            return name != "file" && parsed.Host.Length == 0
                ? $"Package index URL '{Redact(url)}' is not a valid URL: it names no host"
                : null;
        }
        catch (UriFormatException ex)
        {
            return $"Package index URL '{Redact(url)}' is not a valid URL: {ex.Message}";
        }
    }

    // The URL does not parse, so UrlRedactor cannot be used; user info is everything between "//" and the first '@'
    // before the path.
    private static string Redact(string url) => UserInfoPattern().Replace(url, "${start}***@", 1);

    [GeneratedRegex("^(?<scheme>[A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("^(?<start>[A-Za-z][A-Za-z0-9+.-]+://)[^/?#@]*@")]
    private static partial Regex UserInfoPattern();
}
