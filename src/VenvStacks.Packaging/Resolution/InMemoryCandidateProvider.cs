using System.Collections.Concurrent;
using System.Collections.Immutable;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// A package index held in memory, for tests, conformance scenarios and benchmarks: versions with wheels (by tag),
/// optional source distributions, yanked state, <c>Requires-Python</c> and <c>Requires-Dist</c>. It counts the
/// requests it answers and can simulate network latency.
/// </summary>
internal sealed class InMemoryCandidateProvider : IPackageCandidateProvider
{
    private readonly Dictionary<NormalizedName, List<(CandidateVersion Candidate, PackageMetadata Metadata)>> _packages = [];
    private readonly ConcurrentDictionary<(NormalizedName, Version), int> _metadataRequests = new();
    private int _listRequests;

    /// <summary>Delay added to every answer (a stand-in for index round trips).</summary>
    public TimeSpan Latency { get; init; }

    public int ListRequests => _listRequests;

    public int MetadataRequests => _metadataRequests.Values.Sum();

    /// <summary>How often each version's metadata was requested.</summary>
    public IReadOnlyDictionary<(NormalizedName Name, Version Version), int> MetadataRequestCounts => _metadataRequests;

    /// <summary>Adds a version. Without <paramref name="wheelTags"/> it gets one <c>py3-none-any</c> wheel.</summary>
    public InMemoryCandidateProvider Add(
        string name,
        string version,
        IEnumerable<string>? requires = null,
        IEnumerable<string>? wheelTags = null,
        string? requiresPython = null,
        bool yanked = false,
        bool sdist = false,
        IEnumerable<string>? providesExtra = null,
        DateTimeOffset? uploadTime = null)
    {
        var normalized = NormalizedName.From(name);
        var parsedVersion = Version.Parse(version);
        var pythonSpecifiers = requiresPython is null ? null : SpecifierSet.Parse(requiresPython);
        var files = ImmutableArray.CreateBuilder<DistributionFile>();
        foreach (var tags in wheelTags ?? ["py3-none-any"])
        {
            files.Add(new DistributionFile($"{normalized.Value.Replace('-', '_')}-{version}-{tags}.whl")
            {
                WheelTags = TagSet.Parse(tags),
                IsYanked = yanked,
                RequiresPython = pythonSpecifiers,
                UploadTime = uploadTime,
                Url = $"https://example.invalid/{normalized}/{version}/{tags}.whl",
            });
        }

        if (sdist)
        {
            files.Add(new DistributionFile($"{normalized.Value.Replace('-', '_')}-{version}.tar.gz")
            {
                IsYanked = yanked,
                RequiresPython = pythonSpecifiers,
                UploadTime = uploadTime,
            });
        }

        var metadata = new PackageMetadata(
            [.. (requires ?? []).Select(Requirement.Parse)],
            pythonSpecifiers,
            [.. providesExtra ?? []]);
        if (!_packages.TryGetValue(normalized, out var versions))
        {
            _packages[normalized] = versions = [];
        }

        versions.Add((new CandidateVersion(parsedVersion, files.ToImmutable()), metadata));
        return this;
    }

    /// <summary>Adds a package name with no versions at all.</summary>
    public InMemoryCandidateProvider AddEmpty(string name)
    {
        _packages.TryAdd(NormalizedName.From(name), []);
        return this;
    }

    public async Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(NormalizedName name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listRequests);
        await DelayAsync(cancellationToken).ConfigureAwait(false);
        return _packages.TryGetValue(name, out var versions) ? versions.ConvertAll(entry => entry.Candidate) : null;
    }

    public async Task<PackageMetadata> GetMetadataAsync(NormalizedName name, Version version, DistributionFile wheel, CancellationToken cancellationToken)
    {
        _metadataRequests.AddOrUpdate((name, version), 1, (_, count) => count + 1);
        await DelayAsync(cancellationToken).ConfigureAwait(false);
        if (_packages.TryGetValue(name, out var versions) && versions.Find(entry => entry.Candidate.Version == version) is { Metadata: { } metadata })
        {
            return metadata;
        }

        throw new InvalidOperationException($"{name} {version} is not in the in-memory index.");
    }

    private Task DelayAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Latency > TimeSpan.Zero ? Task.Delay(Latency, cancellationToken) : Task.CompletedTask;
    }
}
