using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>One package of a resolution with the files to install and the reasons it is there.</summary>
/// <param name="Name">The normalised name.</param>
/// <param name="Version">The chosen version.</param>
public sealed record ResolvedPackage(NormalizedName Name, Version Version)
{
    /// <summary>The extras of the package some requirement asked for, sorted (normalised names).</summary>
    public ImmutableArray<string> Extras { get; init; } = [];

    /// <summary>The wheel to install on the target: the best ranked of <see cref="CompatibleWheels"/>.</summary>
    public required DistributionFile Wheel { get; init; }

    /// <summary>Every wheel of the version that installs on the target (not yanked, or pinned; <c>Requires-Python</c>
    /// satisfied; tags supported), best ranked first.</summary>
    public ImmutableArray<DistributionFile> CompatibleWheels { get; init; } = [];

    /// <summary>Every applied requirement naming this package, root requirements first.</summary>
    public ImmutableArray<DependencyEdge> RequiredBy { get; init; } = [];

    /// <summary>The shortest chain of requirements from the root to this package (first element is a root
    /// requirement, last names this package).</summary>
    public ImmutableArray<DependencyEdge> Chain { get; init; } = [];

    /// <summary>For example <c>numpy==2.3.2</c>.</summary>
    /// <returns>The name and version.</returns>
    public override string ToString() => $"{Name}=={Version}";
}
