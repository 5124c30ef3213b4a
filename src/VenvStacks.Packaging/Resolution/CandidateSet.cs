using System.Collections.Concurrent;
using System.Collections.Immutable;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Everything known about one package on one target before its dependencies are read: its versions in ascending
/// order (the universe its <see cref="VersionSet"/>s index), which of them can be installed and why not, and the
/// installable wheels of each, best first.
/// </summary>
internal sealed class CandidateSet
{
    private readonly ConcurrentDictionary<SpecifierSet, VersionSet> _matching = new();
    private readonly ConcurrentDictionary<VersionSet, string> _labels = new();

    private CandidateSet(
        NormalizedName name,
        bool exists,
        ImmutableArray<CandidateVersion> versions,
        ImmutableArray<ImmutableArray<DistributionFile>> wheels,
        ImmutableArray<UnusableReason> reasons)
    {
        Name = name;
        Exists = exists;
        Versions = versions;
        Wheels = wheels;
        Reasons = reasons;
        Usable = VersionSet.FromPredicate(versions.Length, index => reasons[index] == UnusableReason.None);
    }

    public NormalizedName Name { get; }

    /// <summary>False when the index has no package of this name.</summary>
    public bool Exists { get; }

    /// <summary>The versions, ascending; equal versions (<c>1.0</c>, <c>1.0.0</c>) are merged.</summary>
    public ImmutableArray<CandidateVersion> Versions { get; }

    public int Count => Versions.Length;

    /// <summary>Per version, the wheels that install on the target, best ranked first (empty when unusable).</summary>
    public ImmutableArray<ImmutableArray<DistributionFile>> Wheels { get; }

    public ImmutableArray<UnusableReason> Reasons { get; }

    public VersionSet Usable { get; }

    public Version VersionAt(int index) => Versions[index].Version;

    public static CandidateSet Build(NormalizedName name, IReadOnlyList<CandidateVersion>? listing, ResolutionTarget target, CandidatePolicy policy)
    {
        if (listing is null)
        {
            return new CandidateSet(name, false, [], [], []);
        }

        var versions = MergeEqualVersions(listing);
        var allPrereleases = versions.All(candidate => candidate.Version.IsPrerelease);
        var prereleasesAllowed = policy.AllowsAllPrereleases || allPrereleases || policy.OptsIntoPrereleases(name);
        var wheels = ImmutableArray.CreateBuilder<ImmutableArray<DistributionFile>>(versions.Length);
        var reasons = ImmutableArray.CreateBuilder<UnusableReason>(versions.Length);
        foreach (var candidate in versions)
        {
            var reason = Classify(name, candidate, target, policy, out var compatible);
            if (reason == UnusableReason.None && candidate.Version.IsPrerelease && !prereleasesAllowed)
            {
                reason = UnusableReason.Prerelease;
            }

            reasons.Add(reason);
            wheels.Add(reason == UnusableReason.None ? compatible : []);
        }

        return new CandidateSet(name, true, versions, wheels.MoveToImmutable(), reasons.MoveToImmutable());
    }

    private static ImmutableArray<CandidateVersion> MergeEqualVersions(IReadOnlyList<CandidateVersion> listing)
    {
        var sorted = listing.OrderBy(candidate => candidate.Version).ToList();
        var merged = ImmutableArray.CreateBuilder<CandidateVersion>(sorted.Count);
        foreach (var candidate in sorted)
        {
            if (merged.Count > 0 && merged[^1].Version == candidate.Version)
            {
                merged[^1] = merged[^1] with { Files = merged[^1].Files.AddRange(candidate.Files) };
            }
            else
            {
                merged.Add(candidate);
            }
        }

        return merged.ToImmutable();
    }

    private static UnusableReason Classify(NormalizedName name, CandidateVersion candidate, ResolutionTarget target, CandidatePolicy policy, out ImmutableArray<DistributionFile> compatible)
    {
        compatible = [];
        var files = candidate.Files.Where(file => file.IsWheel).ToList();
        if (files.Count == 0)
        {
            return UnusableReason.NoWheels;
        }

        if (files.TrueForAll(file => file.IsYanked) && !policy.PinsExactly(name, candidate.Version))
        {
            return UnusableReason.Yanked;
        }

        files.RemoveAll(file => file.IsYanked && !policy.PinsExactly(name, candidate.Version));
        files.RemoveAll(file => file.RequiresPython is { } requiresPython && !requiresPython.Contains(target.PythonVersion, prereleases: true));
        if (files.Count == 0)
        {
            return UnusableReason.RequiresPython;
        }

        compatible = [.. target.Tags.SelectCompatible(files, file => file.WheelTags!)];
        return compatible.IsEmpty ? UnusableReason.IncompatibleWheels : UnusableReason.None;
    }

    /// <summary>The versions a specifier set matches, ignoring pre-release policy (which <see cref="Reasons"/>
    /// applies), computed once per distinct set.</summary>
    public VersionSet Matching(SpecifierSet specifiers)
    {
        var set = _matching.GetOrAdd(
            specifiers,
            static (key, versions) => VersionSet.FromPredicate(versions.Length, index => key.Contains(versions[index].Version, prereleases: true)),
            Versions);
        if (specifiers.Count > 0)
        {
            _labels.TryAdd(set, specifiers.ToString());
        }

        return set;
    }

    /// <summary>The specifier text first seen for exactly this set, if any: explanations prefer the user's words.</summary>
    public string? LabelOf(VersionSet set) => _labels.TryGetValue(set, out var label) ? label : null;

    /// <summary>The index of a version, or -1.</summary>
    public int IndexOf(Version version)
    {
        int low = 0, high = Versions.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var comparison = Versions[middle].Version.CompareTo(version);
            if (comparison == 0)
            {
                return middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The wheel tags of a version's wheels (for explaining why none fits).</summary>
    public IEnumerable<string> WheelTagsOf(int index) =>
        Versions[index].Files.Where(file => file.IsWheel).Select(file => file.WheelTags!.ToString());

    /// <summary>The Requires-Python texts of a version's wheels.</summary>
    public IEnumerable<string> RequiresPythonOf(int index) =>
        Versions[index].Files.Where(file => file.IsWheel && file.RequiresPython is not null).Select(file => file.RequiresPython!.ToString()).Distinct(StringComparer.Ordinal);

    public string? YankedReasonOf(int index) =>
        Versions[index].Files.Select(file => file.YankedReason).FirstOrDefault(reason => !string.IsNullOrWhiteSpace(reason));
}
