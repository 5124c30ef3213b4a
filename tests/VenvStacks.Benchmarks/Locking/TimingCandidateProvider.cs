using System.Diagnostics;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Resolution;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// Times the index provider's answers as the resolver sees them: a listing is page fetch (or revalidation) + cache
/// write + JSON parsing; a metadata answer is metadata fetch + cache write + parsing.
/// </summary>
internal sealed class TimingCandidateProvider(IPackageCandidateProvider inner) : IPackageCandidateProvider
{
    private long _listingTicks;
    private long _metadataTicks;
    private int _listings;
    private int _metadata;

    public TimeSpan ListingTime => TimeSpan.FromSeconds(Interlocked.Read(ref _listingTicks) / (double)Stopwatch.Frequency);

    public TimeSpan MetadataTime => TimeSpan.FromSeconds(Interlocked.Read(ref _metadataTicks) / (double)Stopwatch.Frequency);

    public int Listings => Volatile.Read(ref _listings);

    public int MetadataAnswers => Volatile.Read(ref _metadata);

    public async Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(NormalizedName name, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ListVersionsAsync(name, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _listingTicks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref _listings);
        }
    }

    public async Task<PackageMetadata> GetMetadataAsync(NormalizedName name, Version version, DistributionFile wheel, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.GetMetadataAsync(name, version, wheel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _metadataTicks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref _metadata);
        }
    }
}
