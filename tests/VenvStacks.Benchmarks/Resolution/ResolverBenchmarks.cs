using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Benchmarks.Resolution;

/// <summary>
/// Resolver speed on the synthetic 60-package index (see <see cref="SyntheticResolverIndex"/>): a cold resolution
/// that has to backtrack, the same with 2 ms of simulated latency per index request (what prefetching hides), and
/// an unchanged-stack relock where the previous result is the preference.
/// </summary>
[MemoryDiagnoser]
public class ResolverBenchmarks
{
    private static readonly ResolutionTarget Target =
        ResolutionTarget.ForPlatform(TargetPlatform.LinuxX64, PythonImplementation.Parse("cpython@3.11.7"));

    private ResolutionRequest _request = null!;
    private ResolutionRequest _relock = null!;
    private InMemoryCandidateProvider _index = null!;
    private InMemoryCandidateProvider _slowIndex = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The indexes are built once: their answers are fixed, and building them is not the resolver's work.
        _index = SyntheticResolverIndex.Build();
        _slowIndex = SyntheticResolverIndex.Build(TimeSpan.FromMilliseconds(2));
        _request = new ResolutionRequest([.. SyntheticResolverIndex.RootRequirements.Select(Requirement.Parse)]);
        var first = new Resolver(_index).ResolveAsync(_request, Target).GetAwaiter().GetResult();
        if (first.Packages.Length < 50 || first.Work.Conflicts == 0)
        {
            throw new InvalidOperationException($"The synthetic graph should need backtracking over 50+ packages: {first.Packages.Length} packages, {first.Work.Conflicts} conflicts.");
        }

        Console.WriteLine($"// synthetic graph: {first.Packages.Length} packages, {first.Work.Decisions} decisions, {first.Work.Conflicts} conflicts");
        _relock = _request with
        {
            Preferences = first.Packages.ToImmutableDictionary(package => package.Name, package => package.Version),
        };
        var relocked = new Resolver(_index).ResolveAsync(_relock, Target).GetAwaiter().GetResult();
        Console.WriteLine($"// relock: {relocked.Work.Decisions} decisions, {relocked.Work.Conflicts} conflicts");
    }

    [Benchmark(Baseline = true, Description = "cold, in-memory index")]
    public Task<ResolutionResult> Cold() => new Resolver(_index).ResolveAsync(_request, Target);

    [Benchmark(Description = "cold, 2 ms per index request")]
    public Task<ResolutionResult> ColdWithLatency() =>
        new Resolver(_slowIndex).ResolveAsync(_request, Target);

    [Benchmark(Description = "relock, previous result preferred")]
    public Task<ResolutionResult> UnchangedRelock() => new Resolver(_index).ResolveAsync(_relock, Target);
}
