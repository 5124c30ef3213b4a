using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>How the resolver uses its provider: once per answer, in parallel, cancellable.</summary>
public sealed class ResolverRuntimeTests
{
    private static InMemoryCandidateProvider Graph(TimeSpan latency = default)
    {
        var index = new InMemoryCandidateProvider { Latency = latency };
        for (var package = 0; package < 12; package++)
        {
            for (var version = 0; version < 5; version++)
            {
                var requires = package < 11 ? new[] { $"p{package + 1}>=0.{version % 3}" } : [];
                index.Add($"p{package}", $"0.{version}", requires);
            }
        }

        return index;
    }

    [Fact]
    public async Task Each_listing_and_each_version_metadata_is_requested_at_most_once()
    {
        var index = Graph();

        await index.ResolveAsync("p0");

        index.ListRequests.ShouldBe(12);
        index.MetadataRequestCounts.Values.ShouldAllBe(count => count == 1);
    }

    [Fact]
    public async Task Prefetching_with_latency_gives_the_same_result_as_without()
    {
        var plain = await Graph().ResolveAsync("p0");
        var slow = await Graph(TimeSpan.FromMilliseconds(5)).ResolveAsync("p0");

        slow.Pins().ShouldBe(plain.Pins());
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_resolution()
    {
        using var cancellation = new CancellationTokenSource();
        var index = Graph(TimeSpan.FromSeconds(30));
        var resolving = index.ResolveAsync(ResolverKit.Request("p0"), cancellationToken: cancellation.Token);

        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => resolving);
    }

    [Fact]
    public async Task An_already_cancelled_token_asks_the_provider_nothing()
    {
        var index = Graph();

        await Should.ThrowAsync<OperationCanceledException>(() => index.ResolveAsync(ResolverKit.Request("p0"), cancellationToken: new CancellationToken(canceled: true)));

        index.ListRequests.ShouldBe(0);
    }

    [Fact]
    public async Task A_caching_provider_answers_repeated_resolutions_from_memory()
    {
        var index = Graph();
        var caching = new CachingCandidateProvider(index);
        var resolver = new Resolver(caching);

        var linux = await resolver.ResolveAsync(ResolverKit.Request("p0"), ResolverKit.Linux311);
        var requestsAfterFirst = (index.ListRequests, index.MetadataRequests);
        var windows = await resolver.ResolveAsync(ResolverKit.Request("p0"), ResolverKit.Windows311);

        windows.Pins().ShouldBe(linux.Pins());
        (index.ListRequests, index.MetadataRequests).ShouldBe(requestsAfterFirst);
    }

    [Fact]
    public async Task Provider_failures_reach_the_caller_unchanged()
    {
        var failing = new FailingProvider();

        var error = await Should.ThrowAsync<IOException>(() => new Resolver(failing).ResolveAsync(ResolverKit.Request("a"), ResolverKit.Linux311));

        error.Message.ShouldBe("index unreachable");
    }

    private sealed class FailingProvider : IPackageCandidateProvider
    {
        public Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(Packaging.Pep503.NormalizedName name, CancellationToken cancellationToken) =>
            Task.FromException<IReadOnlyList<CandidateVersion>?>(new IOException("index unreachable"));

        public Task<PackageMetadata> GetMetadataAsync(Packaging.Pep503.NormalizedName name, Packaging.Pep440.Version version, DistributionFile wheel, CancellationToken cancellationToken) =>
            Task.FromException<PackageMetadata>(new IOException("index unreachable"));
    }
}
