using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Locking;

/// <summary>What to resolve for one layer on one target platform.</summary>
/// <param name="Layer">The layer (its indexes, targets and runtime).</param>
/// <param name="Platform">The target platform.</param>
/// <param name="Environment">The platform's marker environment for the layer's runtime.</param>
/// <param name="Constraints">Lower-layer pins that apply on this platform (<c>name==version</c>, no markers): restrict, never add.</param>
/// <param name="ConstraintOrigins">For each pinned name (normalised), the build name of the layer that pins it.</param>
/// <param name="Preferences">Versions to keep when still allowed (previous lock, earlier platforms), by normalised name.</param>
/// <param name="ExcludeNewer">Ignore files uploaded after this instant, if set.</param>
public sealed record PlatformResolutionRequest(
    LayerSpec Layer,
    TargetPlatform Platform,
    MarkerEnvironment Environment,
    IReadOnlyList<Requirement> Constraints,
    IReadOnlyDictionary<string, string> ConstraintOrigins,
    IReadOnlyDictionary<string, Version> Preferences,
    DateTimeOffset? ExcludeNewer);
