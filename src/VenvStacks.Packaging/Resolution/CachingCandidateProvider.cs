using System.Collections.Concurrent;
using VenvStacks.Packaging.Pep503;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Remembers the answers of another provider in memory, so that resolving the same requirements for several target
/// platforms lists each package and reads each version's metadata once.
/// </summary>
/// <remarks>
/// Metadata is remembered per version, not per wheel: all wheels of a version are expected to declare the same
/// dependencies (platform differences are written as markers). Failed and cancelled requests are not remembered.
/// </remarks>
public sealed class CachingCandidateProvider : IPackageCandidateProvider
{
    private readonly IPackageCandidateProvider _inner;
    private readonly ConcurrentDictionary<NormalizedName, Task<IReadOnlyList<CandidateVersion>?>> _listings = new();
    private readonly ConcurrentDictionary<(NormalizedName, Version), Task<PackageMetadata>> _metadata = new();

    /// <summary>Wraps a provider.</summary>
    /// <param name="inner">The provider that really answers.</param>
    public CachingCandidateProvider(IPackageCandidateProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(NormalizedName name, CancellationToken cancellationToken) =>
        Remember(_listings, name, () => _inner.ListVersionsAsync(name, cancellationToken));

    /// <inheritdoc/>
    public Task<PackageMetadata> GetMetadataAsync(NormalizedName name, Version version, DistributionFile wheel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(wheel);
        return Remember(_metadata, (name, version), () => _inner.GetMetadataAsync(name, version, wheel, cancellationToken));
    }

    private static async Task<T> Remember<TKey, T>(ConcurrentDictionary<TKey, Task<T>> cache, TKey key, Func<Task<T>> fetch)
        where TKey : notnull
    {
        var task = cache.GetOrAdd(key, _ => fetch());
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch
        {
            // A failure is not an answer: let the next caller try again (for example with a live token).
            cache.TryRemove(new KeyValuePair<TKey, Task<T>>(key, task));
            throw;
        }
    }
}
