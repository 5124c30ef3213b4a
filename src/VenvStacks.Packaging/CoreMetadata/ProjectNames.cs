using System.Text.RegularExpressions;

namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>Interim name rules (PEP 508 validity, PEP 503/685 normalisation) until Pep503.PackageName is merged.</summary>
internal static partial class ProjectNames
{
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    public static string Canonicalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    [GeneratedRegex("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();

    [GeneratedRegex("[-_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
