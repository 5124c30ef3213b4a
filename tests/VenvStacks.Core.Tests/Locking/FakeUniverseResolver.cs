using VenvStacks.Core.Locking;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep508;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// A deliberately simple resolver over an in-memory package universe, for testing the lock engine's decisions
/// without a real index: picks the preferred version when allowed, else the newest allowed version that has a
/// wheel for the platform; no backtracking.
/// </summary>
internal sealed class FakeUniverseResolver : IPlatformResolver
{
    private readonly Dictionary<string, List<FakeRelease>> _packages = new(StringComparer.Ordinal);

    public List<PlatformResolutionRequest> Requests { get; } = [];

    /// <summary>Adds a release; <paramref name="platforms"/> null means a py3-none-any wheel.</summary>
    public FakeUniverseResolver Add(string name, string version, string[]? dependencies = null, string[]? platforms = null)
    {
        if (!_packages.TryGetValue(name, out var releases))
        {
            _packages[name] = releases = [];
        }

        releases.Add(new FakeRelease(Version.Parse(version), (dependencies ?? []).Select(Requirement.Parse).ToArray(), platforms));
        return this;
    }

    public Task<PlatformResolutionOutcome> ResolveAsync(PlatformResolutionRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var chosen = new Dictionary<string, FakeRelease>(StringComparer.Ordinal);
        var pending = new Queue<Requirement>(request.Layer.Requirements);
        var noWheels = new List<string>();
        while (pending.Count > 0)
        {
            var requirement = pending.Dequeue();
            if (requirement.Marker is { } marker && !marker.Evaluate(request.Environment))
            {
                continue;
            }

            var name = requirement.NormalizedName.Value;
            var specifiers = new List<SpecifierSet> { requirement.Specifier };
            specifiers.AddRange(request.Constraints.Where(c => c.NormalizedName.Value == name).Select(c => c.Specifier));
            if (chosen.TryGetValue(name, out var existing))
            {
                if (!specifiers.All(s => s.Contains(existing.Version)))
                {
                    return Task.FromResult<PlatformResolutionOutcome>(new PlatformUnsatisfiable($"{name}=={existing.Version} conflicts with {requirement}", []));
                }

                continue;
            }

            var releases = _packages.GetValueOrDefault(name) ?? [];
            var allowed = releases.Where(r => specifiers.All(s => s.Contains(r.Version))).ToList();
            var withWheels = allowed.Where(r => r.Platforms is null || r.Platforms.Contains(request.Platform.Name)).ToList();
            if (withWheels.Count == 0)
            {
                if (allowed.Count > 0)
                {
                    noWheels.Add(name);
                    continue;
                }

                return Task.FromResult<PlatformResolutionOutcome>(new PlatformUnsatisfiable($"no version of {name} satisfies {string.Join(", ", specifiers)}", []));
            }

            var pick = request.Preferences.TryGetValue(name, out var preferred) && withWheels.FirstOrDefault(r => r.Version == preferred) is { } keep
                ? keep
                : withWheels.MaxBy(r => r.Version)!;
            chosen[name] = pick;
            foreach (var dependency in pick.Dependencies)
            {
                pending.Enqueue(dependency);
            }
        }

        if (noWheels.Count > 0)
        {
            return Task.FromResult<PlatformResolutionOutcome>(new PlatformUnsatisfiable($"no wheels for {string.Join(", ", noWheels)}", noWheels));
        }

        var packages = chosen.Select(c => new ResolvedDistribution(
            c.Key,
            c.Value.Version,
            "https://index.invalid/simple",
            Wheels(c.Key, c.Value))).ToArray();
        return Task.FromResult<PlatformResolutionOutcome>(new PlatformResolved(packages));
    }

    private static LockWheelFile[] Wheels(string name, FakeRelease release)
    {
        var tags = release.Platforms ?? ["any"];
        return tags.Select(tag =>
        {
            var fileName = tag == "any" ? $"{name}-{release.Version}-py3-none-any.whl" : $"{name}-{release.Version}-cp311-cp311-{tag}.whl";
            var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileName))).ToLowerInvariant();
            return new LockWheelFile(fileName, "https://files.invalid/" + fileName, null, 1000, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), digest);
        }).ToArray();
    }

    private sealed record FakeRelease(Version Version, Requirement[] Dependencies, string[]? Platforms);
}
