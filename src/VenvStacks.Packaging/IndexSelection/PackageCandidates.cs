using System.Collections.Immutable;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.IndexSelection;

/// <summary>Every file a resolver may consider for one project, after routing and <c>exclude-newer</c>.</summary>
/// <param name="Name">The normalised project name.</param>
/// <param name="Files">The files of the chosen index followed by those of the find-links locations. Yanked files and
/// sdists are included (flagged); the resolver decides.</param>
/// <param name="Index">The simple or flat index the project was taken from, or null when none had it (then only
/// find-links files, if any, are listed).</param>
/// <param name="ExcludedByUploadTime">Files dropped by <c>exclude-newer</c> (for "was filtered by exclude-newer" hints).</param>
public sealed record PackageCandidates(
    NormalizedName Name,
    ImmutableArray<IndexFile> Files,
    IndexSource? Index,
    ImmutableArray<IndexFile> ExcludedByUploadTime)
{
    /// <summary>Whether the project was routed to its index by a <c>sources</c> entry.</summary>
    public bool Routed { get; init; }

    /// <summary>The wheels among <see cref="Files"/>.</summary>
    public IEnumerable<IndexFile> Wheels => Files.Where(f => f.Kind == DistributionKind.Wheel);
}
