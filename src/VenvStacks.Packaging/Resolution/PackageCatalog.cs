using System.Collections.Concurrent;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// The resolver's view of the provider for one resolution: every listing and every version's metadata is requested
/// once and kept, and likely candidates are fetched ahead of time so the index round trips overlap.
/// </summary>
/// <remarks>
/// Prefetching follows each package's most likely version (its preference, else the newest usable version the
/// requirement and the user's constraints allow) through its dependencies, once per package name. The solver never
/// depends on prefetches: it awaits the same cached tasks, so they change timing only, never results.
/// </remarks>
internal sealed class PackageCatalog : IAsyncDisposable
{
    private readonly IPackageCandidateProvider _provider;
    private readonly ResolutionTarget _target;
    private readonly CandidatePolicy _policy;
    // Linked to the caller's token, and cancelled when the resolution ends so no request outlives it.
    private readonly CancellationTokenSource _lifetime;
    private readonly ConcurrentDictionary<NormalizedName, Task<CandidateSet>> _packages = new();
    private readonly ConcurrentDictionary<(NormalizedName, int), Task<PackageMetadata>> _metadata = new();
    private readonly ConcurrentDictionary<NormalizedName, byte> _prefetched = new();
    private readonly ConcurrentBag<Task> _background = [];

    public PackageCatalog(IPackageCandidateProvider provider, ResolutionTarget target, CandidatePolicy policy, CancellationToken cancellationToken)
    {
        _provider = provider;
        _target = target;
        _policy = policy;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public int MetadataRequests => _metadata.Count;

    public Task<CandidateSet> GetAsync(NormalizedName name) =>
        _packages.GetOrAdd(name, key => ListAsync(key, _lifetime.Token));

    public Task<PackageMetadata> GetMetadataAsync(CandidateSet package, int index)
    {
        var wheels = package.Wheels[index];
        if (wheels.IsEmpty)
        {
            throw new InvalidOperationException($"{package.Name} {package.VersionAt(index)} has no usable wheel to read metadata from.");
        }

        return _metadata.GetOrAdd(
            (package.Name, index),
            _ => _provider.GetMetadataAsync(package.Name, package.VersionAt(index), wheels[0], _lifetime.Token));
    }

    /// <summary>Starts fetching a package that is about to be needed, and its likely dependencies.</summary>
    public void Prefetch(NormalizedName name, SpecifierSet specifiers)
    {
        if (_lifetime.IsCancellationRequested || !_prefetched.TryAdd(name, 0))
        {
            return;
        }

        _background.Add(PrefetchAsync(name, specifiers));
    }

    /// <summary>
    /// Starts fetching the metadata of versions the solver is likely to try next (after it rejected a version, the
    /// following ones usually share its fate and are tried one after another).
    /// </summary>
    public void PrefetchVersions(CandidateSet package, IEnumerable<int> versions)
    {
        foreach (var index in versions)
        {
            if (_lifetime.IsCancellationRequested)
            {
                return;
            }

            if (!package.Wheels[index].IsEmpty && !_metadata.ContainsKey((package.Name, index)))
            {
                _background.Add(ObserveAsync(GetMetadataAsync(package, index)));
            }
        }
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Speculation only, as in PrefetchAsync.
        }
    }

    private async Task PrefetchAsync(NormalizedName name, SpecifierSet specifiers)
    {
        try
        {
            var package = await GetAsync(name).ConfigureAwait(false);
            var index = LikelyVersion(package, specifiers);
            if (index < 0 || _lifetime.IsCancellationRequested)
            {
                return;
            }

            var metadata = await GetMetadataAsync(package, index).ConfigureAwait(false);
            foreach (var requirement in metadata.RequiresDist)
            {
                if (requirement.Url is null && AppliesWithoutExtra(requirement))
                {
                    Prefetch(requirement.NormalizedName, requirement.Specifier);
                }
            }
        }
        catch (Exception)
        {
            // Speculation only: whoever really needs this answer awaits the same task and sees the failure.
        }
    }

    private bool AppliesWithoutExtra(Requirement requirement)
    {
        try
        {
            return requirement.Marker is null || requirement.Marker.Evaluate(_target.Markers);
        }
        catch (MarkerEvaluationException)
        {
            return false;
        }
    }

    private int LikelyVersion(CandidateSet package, SpecifierSet specifiers)
    {
        var allowed = package.Matching(specifiers).Intersect(package.Usable);
        foreach (var constraint in _policy.UserSpecifiers(package.Name))
        {
            allowed = allowed.Intersect(package.Matching(constraint));
        }

        return _policy.Choose(package, allowed);
    }

    private async Task<CandidateSet> ListAsync(NormalizedName name, CancellationToken cancellationToken)
    {
        var listing = await _provider.ListVersionsAsync(name, cancellationToken).ConfigureAwait(false);
        return CandidateSet.Build(name, listing, _target, _policy);
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        foreach (var task in _background)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Already swallowed inside; nothing may escape disposal.
            }
        }

        // Requests still running were started speculatively; they have been cancelled, wait for them to stop.
        foreach (var task in _metadata.Values.Cast<Task>().Concat(_packages.Values))
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Their outcome no longer matters.
            }
        }

        _lifetime.Dispose();
    }
}
