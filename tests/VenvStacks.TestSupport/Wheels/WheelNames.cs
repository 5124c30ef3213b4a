using System.Text.RegularExpressions;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>
/// Name rules the test fixtures need, written independently of the product's Pep503 code so that the fixtures stay an
/// outside view of the standards.
/// </summary>
public static partial class WheelNames
{
    /// <summary>PEP 503 normalisation: lower case, runs of <c>-</c>, <c>_</c>, <c>.</c> become one <c>-</c>.</summary>
    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    /// <summary>The escaped name used in wheel file names and <c>.dist-info</c> folders (<c>Foo.Bar</c> → <c>foo_bar</c>).</summary>
    public static string Escape(string name) => Separators().Replace(name, "_").ToLowerInvariant();

    /// <summary>The project name part of a wheel or sdist file name, normalised; null for other files.</summary>
    public static string? ProjectOf(string fileName)
    {
        if (fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var dash = fileName.IndexOf('-', StringComparison.Ordinal);
            return dash > 0 ? Normalize(fileName[..dash]) : null;
        }

        return SplitSdist(fileName) is { } sdist ? Normalize(sdist.Project) : null;
    }

    /// <summary>The version part of a wheel or sdist file name as written; null for other files.</summary>
    public static string? VersionOf(string fileName)
    {
        if (fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var parts = fileName[..^4].Split('-');
            return parts.Length >= 5 ? parts[1] : null;
        }

        return SplitSdist(fileName)?.Version;
    }

    // An sdist is <project>-<version>.tar.gz or .zip; the project may contain dashes, the version may not.
    private static (string Project, string Version)? SplitSdist(string fileName)
    {
        foreach (var extension in new[] { ".tar.gz", ".zip" })
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                var stem = fileName[..^extension.Length];
                var dash = stem.LastIndexOf('-');
                return dash > 0 ? (stem[..dash], stem[(dash + 1)..]) : null;
            }
        }

        return null;
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
