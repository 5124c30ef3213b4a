using System.Collections.Frozen;

namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>Field names defined by the core metadata specification, versions 1.0 to 2.4.</summary>
internal static class MetadataFieldNames
{
    public const string MetadataVersion = "Metadata-Version";
    public const string Name = "Name";
    public const string Version = "Version";
    public const string Summary = "Summary";
    public const string Description = "Description";
    public const string DescriptionContentType = "Description-Content-Type";
    public const string Classifier = "Classifier";
    public const string RequiresDist = "Requires-Dist";
    public const string RequiresPython = "Requires-Python";
    public const string ProvidesExtra = "Provides-Extra";
    public const string LicenseExpression = "License-Expression";
    public const string LicenseFile = "License-File";
    public const string Dynamic = "Dynamic";

    /// <summary>Every specified field, compared case-insensitively.</summary>
    public static readonly FrozenSet<string> Known = new[]
    {
        MetadataVersion, Name, Version, Dynamic, "Platform", "Supported-Platform", Summary, Description,
        DescriptionContentType, "Keywords", "Home-page", "Download-URL", "Author", "Author-email", "Maintainer",
        "Maintainer-email", "License", LicenseExpression, LicenseFile, Classifier, RequiresDist, RequiresPython,
        "Requires-External", "Project-URL", ProvidesExtra, "Provides-Dist", "Obsoletes-Dist", "Requires", "Provides",
        "Obsoletes",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
