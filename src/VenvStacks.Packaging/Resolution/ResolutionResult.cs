using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Resolution;

/// <summary>The outcome of a successful resolution for one target.</summary>
/// <param name="Target">The target resolved for.</param>
/// <param name="Packages">The chosen packages, sorted by name.</param>
public sealed record ResolutionResult(ResolutionTarget Target, ImmutableArray<ResolvedPackage> Packages)
{
    /// <summary>Things the user may want to know that did not stop the resolution, e.g. a requested extra the chosen
    /// version does not provide, or a marker that could not be evaluated on the target (treated as false).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>How much work the solver did (decisions, conflicts resolved), for benchmarks and diagnostics.</summary>
    internal (int Decisions, int Conflicts) Work { get; init; }

    /// <summary>The package of a name, or null when it is not part of the resolution.</summary>
    /// <param name="name">The normalised name.</param>
    /// <returns>The package.</returns>
    public ResolvedPackage? Find(NormalizedName name)
    {
        foreach (var package in Packages)
        {
            if (package.Name == name)
            {
                return package;
            }
        }

        return null;
    }
}
