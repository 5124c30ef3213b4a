using System.Collections.Immutable;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// What the user-level inputs (root requirements and constraints whose markers hold) say about each package's
/// candidates: pre-release opt-in, yanked versions pinned with <c>==</c>, and the preferred version.
/// </summary>
internal sealed class CandidatePolicy
{
    private readonly Dictionary<NormalizedName, List<SpecifierSet>> _userSpecifiers = [];
    private readonly ResolutionRequest _request;

    public CandidatePolicy(ResolutionRequest request, IEnumerable<Requirement> applicableRoots, IEnumerable<Requirement> applicableConstraints)
    {
        _request = request;
        foreach (var requirement in applicableRoots.Concat(applicableConstraints))
        {
            var name = requirement.NormalizedName;
            if (!_userSpecifiers.TryGetValue(name, out var list))
            {
                _userSpecifiers[name] = list = [];
            }

            list.Add(requirement.Specifier);
        }
    }

    public bool AllowsAllPrereleases => _request.Prereleases == PrereleasePolicy.Allow;

    /// <summary>Whether a root requirement or constraint names a pre-release in one of its specifiers.</summary>
    public bool OptsIntoPrereleases(NormalizedName name) =>
        _userSpecifiers.TryGetValue(name, out var sets)
        && sets.Any(set => set.Any(specifier => specifier.Prereleases == true));

    /// <summary>Whether a root requirement or constraint pins this version with <c>==</c> or <c>===</c>.</summary>
    public bool PinsExactly(NormalizedName name, Version version) =>
        _userSpecifiers.TryGetValue(name, out var sets)
        && sets.Any(set =>
            set.Any(specifier => specifier.Operator is "===" || (specifier.Operator == "==" && !specifier.Version.EndsWith(".*", StringComparison.Ordinal)))
            && set.Contains(version, prereleases: true));

    /// <summary>
    /// The version to try first among <paramref name="pool"/>: the preferred one (unless the package is being
    /// upgraded) when the pool holds it, else the newest; -1 when the pool is empty.
    /// </summary>
    public int Choose(CandidateSet candidates, VersionSet pool) =>
        PreferenceFor(candidates.Name) is { } preferred && candidates.IndexOf(preferred) is var index and >= 0 && pool.Contains(index)
            ? index
            : pool.Highest();

    private Version? PreferenceFor(NormalizedName name) =>
        !_request.Upgrade.Upgrades(name) && _request.Preferences.TryGetValue(name, out var version) ? version : null;

    public ImmutableArray<SpecifierSet> UserSpecifiers(NormalizedName name) =>
        _userSpecifiers.TryGetValue(name, out var sets) ? [.. sets] : [];
}
