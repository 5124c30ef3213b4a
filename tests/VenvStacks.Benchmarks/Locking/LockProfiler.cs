using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.SimpleRepositoryApi;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>How the time of one cold linux_x86_64 resolution of the three layers divides up.</summary>
internal sealed record ProfileBreakdown(
    IReadOnlyList<LayerProfile> Layers,
    int Requests,
    long BytesReceived,
    TimeSpan HttpSum,
    TimeSpan HttpBusy,
    int Listings,
    TimeSpan ListingSum,
    int MetadataAnswers,
    TimeSpan MetadataSum,
    int Pages,
    TimeSpan PageParsing,
    int MetadataFiles,
    TimeSpan MetadataParsing)
{
    public TimeSpan Cold => TimeSpan.FromTicks(Layers.Sum(l => l.Cold.Ticks));

    public TimeSpan InMemory => TimeSpan.FromTicks(Layers.Sum(l => l.InMemory.Ticks));
}

/// <summary>One layer of the profile.</summary>
/// <param name="Layer">The build name.</param>
/// <param name="Cold">The resolution with a cold cache (after the lower layers' resolutions in the same run).</param>
/// <param name="InMemory">The same resolution again with every listing and metadata answer already in memory:
/// candidate building and the PubGrub solver only (median of 5).</param>
/// <param name="Packages">Packages in the solution.</param>
/// <param name="Decisions">Solver decisions.</param>
/// <param name="Conflicts">Solver conflicts (backtracking).</param>
internal sealed record LayerProfile(string Layer, TimeSpan Cold, TimeSpan InMemory, int Packages, int Decisions, int Conflicts);

/// <summary>
/// Resolves the stack's layers for linux_x86_64 the way <see cref="IndexPlatformResolver"/> does (one index client,
/// one finder, a caching provider; lower layers' picks as <c>==</c> constraints), but with a timing HTTP handler and
/// a timing provider in the chain, then re-times the parts: the solver alone over the warmed in-memory provider, and
/// the JSON page and metadata parsers over the bodies that were received.
/// </summary>
internal sealed class LockProfiler(StackSpec spec, string cacheDirectory, LocalIndexServer server)
{
    public async Task<ProfileBreakdown> RunAsync(CancellationToken cancellationToken)
    {
        server.ClearRequests();
        using var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        using var http = new TimingHttpHandler(sockets);
        using var client = new IndexClient(new IndexClientOptions
        {
            CacheDirectory = cacheDirectory,
            Environment = ImmutableDictionary<string, string>.Empty,
            HttpHandler = http,
        });
        var environment = LockEnvironment.Default with { CacheDirectory = cacheDirectory, EnvironmentVariables = ImmutableDictionary<string, string>.Empty };
        var finder = new PackageFinder(client, LayerIndexConfiguration.For(spec, spec.Layers[0], environment));
        var timed = new TimingCandidateProvider(new IndexCandidateProvider(finder));
        var provider = new CachingCandidateProvider(timed);

        var pins = new Dictionary<string, ResolvedPackage>(StringComparer.Ordinal);
        var layers = new List<LayerProfile>();
        foreach (var layer in spec.Layers)
        {
            var target = ResolutionTarget.ForPlatform(TargetPlatform.LinuxX64, layer.Runtime.PythonImplementation, layer.LinuxTarget, layer.MacOSTarget);
            var request = new ResolutionRequest([.. layer.Requirements])
            {
                RootName = layer.BuildName,
                Constraints = [.. pins.Values.Select(p => new ResolutionConstraint(Requirement.Parse($"{p.Name.Value}=={p.Version}"), "a lower layer"))],
            };
            var clock = Stopwatch.StartNew();
            var result = await new Resolver(provider).ResolveAsync(request, target, cancellationToken);
            var cold = clock.Elapsed;

            var inMemory = new Samples();
            for (var i = 0; i < 5; i++)
            {
                clock.Restart();
                await new Resolver(provider).ResolveAsync(request, target, cancellationToken);
                inMemory.Add(clock.Elapsed);
            }

            layers.Add(new LayerProfile(layer.BuildName, cold, TimeSpan.FromMilliseconds(inMemory.Median), result.Packages.Length, result.Work.Decisions, result.Work.Conflicts));
            foreach (var package in result.Packages)
            {
                pins[package.Name.Value] = package;
            }
        }

        var exchanges = http.Exchanges;
        var pages = exchanges.Where(e => e.Status == 200 && e.Url.AbsolutePath.StartsWith("/simple/", StringComparison.Ordinal)).ToList();
        var metadata = exchanges.Where(e => e.Status == 200 && e.Url.AbsolutePath.EndsWith(".metadata", StringComparison.Ordinal)).ToList();
        return new ProfileBreakdown(
            layers,
            exchanges.Count,
            exchanges.Sum(e => (long)e.Body.Length),
            TimeSpan.FromTicks(exchanges.Sum(e => e.Elapsed.Ticks)),
            http.BusyTime,
            timed.Listings,
            timed.ListingTime,
            timed.MetadataAnswers,
            timed.MetadataTime,
            pages.Count,
            Repeat(() => pages.ForEach(p => SimpleJsonParser.Parse(p.Body, p.Url))),
            metadata.Count,
            Repeat(() => metadata.ForEach(m => DistributionMetadata.Parse(m.Body))));
    }

    /// <summary>The median time of 11 runs (the first ones also warm the JIT for the parsers).</summary>
    private static TimeSpan Repeat(Action action)
    {
        var samples = new Samples();
        for (var i = 0; i < 11; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples.Add(clock.Elapsed);
        }

        return TimeSpan.FromMilliseconds(samples.Median);
    }
}
