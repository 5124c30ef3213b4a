using System.Collections.Immutable;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>The parts of a version's core metadata the resolver needs.</summary>
/// <param name="RequiresDist">The <c>Requires-Dist</c> entries, markers included (extra dependencies carry
/// <c>extra == "name"</c>).</param>
/// <param name="RequiresPython">The <c>Requires-Python</c> specifiers, or null when absent.</param>
/// <param name="ProvidesExtra">The <c>Provides-Extra</c> names.</param>
public sealed record PackageMetadata(
    ImmutableArray<Requirement> RequiresDist,
    SpecifierSet? RequiresPython,
    ImmutableArray<string> ProvidesExtra)
{
    /// <summary>Metadata with no dependencies, no Python requirement and no extras.</summary>
    public static PackageMetadata Empty { get; } = new([], null, []);

    /// <summary>Takes the resolver's view of a parsed <c>METADATA</c> file.</summary>
    /// <param name="metadata">The parsed metadata.</param>
    /// <returns>The requirements, Python requirement and extras.</returns>
    public static PackageMetadata From(DistributionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new PackageMetadata([.. metadata.RequiresDist], metadata.RequiresPython, [.. metadata.ProvidesExtra]);
    }
}
