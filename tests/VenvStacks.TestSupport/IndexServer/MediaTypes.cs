using System.Globalization;

namespace VenvStacks.TestSupport.IndexServer;

/// <summary>Simple-repository media types and the server's side of content negotiation (PEP 691).</summary>
internal static class MediaTypes
{
    public const string Json = "application/vnd.pypi.simple.v1+json";
    public const string HtmlV1 = "application/vnd.pypi.simple.v1+html";
    public const string TextHtml = "text/html";

    /// <summary>The best type the server offers for an <c>Accept</c> header, or null when none is acceptable.
    /// Ties go to the server's order of preference (JSON, then versioned HTML, then text/html).</summary>
    public static string? Choose(string? accept, IndexApiMode mode)
    {
        string[] offered = mode == IndexApiMode.JsonAndHtml ? [Json, HtmlV1, TextHtml] : [HtmlV1, TextHtml];
        if (string.IsNullOrWhiteSpace(accept))
        {
            return TextHtml;
        }

        var ranges = accept.Split(',').Select(ParseRange).Where(r => r.Type.Length > 0).ToList();
        string? best = null;
        var bestQuality = 0.0;
        foreach (var type in offered)
        {
            var quality = ranges
                .Where(r => Matches(r.Type, type))
                .OrderByDescending(r => Specificity(r.Type))
                .Select(r => (double?)r.Quality)
                .FirstOrDefault() ?? 0.0;
            if (quality > bestQuality)
            {
                best = type;
                bestQuality = quality;
            }
        }

        // A wildcard-only request (curl, browsers) gets HTML, as PyPI does.
        return best is Json && ranges.All(r => r.Type.Contains('*', StringComparison.Ordinal)) ? TextHtml : best;
    }

    private static (string Type, double Quality) ParseRange(string range)
    {
        var parts = range.Split(';');
        var quality = 1.0;
        foreach (var parameter in parts.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim() == "q" &&
                double.TryParse(pair[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
            {
                quality = q;
            }
        }

        return (parts[0].Trim().ToLowerInvariant(), quality);
    }

    private static bool Matches(string range, string type) =>
        range == "*/*" || range == type || (range.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(range[..^1], StringComparison.Ordinal));

    private static int Specificity(string range) => range == "*/*" ? 0 : range.EndsWith("/*", StringComparison.Ordinal) ? 1 : 2;
}
