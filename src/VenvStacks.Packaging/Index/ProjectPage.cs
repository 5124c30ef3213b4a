using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Index;

/// <summary>The files one index or find-links location lists for one project.</summary>
/// <param name="Name">The normalised project name.</param>
/// <param name="Source">Where the list came from.</param>
/// <param name="Format">The page format.</param>
/// <param name="Files">Wheels and sdists of the project, in the index's order. Files that are not wheels or sdists, or
/// that belong to another project, are left out.</param>
public sealed record ProjectPage(NormalizedName Name, IndexSource Source, PageFormat Format, ImmutableArray<IndexFile> Files)
{
    /// <summary>The PEP 700 <c>versions</c> list (JSON pages of API 1.1+), or empty.</summary>
    public ImmutableArray<string> Versions { get; init; } = [];

    /// <summary>The repository API version the page declared (<c>meta.api-version</c> or <c>pypi:repository-version</c>).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Whether any file carries a PEP 700 upload time.</summary>
    public bool HasUploadTimes => Files.Any(f => f.UploadTime is not null);
}
