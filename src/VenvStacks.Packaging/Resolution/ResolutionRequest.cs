using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>What to resolve: root requirements plus everything that restricts or steers the choice.</summary>
/// <param name="Requirements">The root requirements (a layer's declared requirements). Markers are evaluated on the
/// target; requirements with a direct URL are not supported.</param>
public sealed record ResolutionRequest(ImmutableArray<Requirement> Requirements)
{
    /// <summary>How explanations name whoever states the root requirements, e.g. <c>app-example</c>; null says
    /// "the requirements".</summary>
    public string? RootName { get; init; }

    /// <summary>Requirements that only restrict (lower layers' pins); see <see cref="ResolutionConstraint"/>.</summary>
    public ImmutableArray<ResolutionConstraint> Constraints { get; init; } = [];

    /// <summary>Versions to try first when they are allowed (a previous lock, or another platform's resolution), so a
    /// relock changes only what must change.</summary>
    public ImmutableDictionary<NormalizedName, Version> Preferences { get; init; } = ImmutableDictionary<NormalizedName, Version>.Empty;

    /// <summary>Which packages ignore their preference.</summary>
    public UpgradePolicy Upgrade { get; init; } = UpgradePolicy.None;

    /// <summary>When pre-releases may be chosen.</summary>
    public PrereleasePolicy Prereleases { get; init; } = PrereleasePolicy.IfNecessaryOrExplicit;
}
