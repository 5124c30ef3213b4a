using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using VenvStacks.Core.Locking;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// The end-to-end locking measurement: the synthetic stack locked by <see cref="LockEngine"/> over
/// <see cref="IndexPlatformResolver"/> from a <see cref="LocalIndexServer"/> (cold cache, warm cache, nothing to
/// lock, each platform alone), and pip resolving the same requirements from the same server, interleaved round by
/// round so that both see the same machine load.
/// </summary>
internal sealed class LockingBenchmark(LockingBenchmarkOptions options, LocalIndexServer server, PipRunner pip, SyntheticUniverse universe)
{
    private static readonly ImmutableDictionary<string, string> NoVariables = ImmutableDictionary<string, string>.Empty;

    private string[] PipArguments =>
        [.. universe.CombinedRequirements, "--no-cache-dir", "--only-binary=:all:"];

    public async Task<LockingMeasurements> RunAsync((int Files, long Bytes) served, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);

        // Round 0 warms the JIT and the OS file cache (pip's modules); its numbers are reported apart.
        Log("warm-up: cold lock");
        LockRun firstCold;
        using (var workspace = NewWorkspace(TargetPlatform.Defaults))
        {
            firstCold = await LockAsync(workspace, NewCache(), cancellationToken);
            Require(firstCold, LayerLockAction.Locked);
        }

        Log("warm-up: pip");
        var (firstPipWall, pipResolution, _) = await PipAsync(cancellationToken);
        Log("check: does pip accept our linux_x86_64 versions?");
        var pinnedCheck = await PipAcceptsAsync(firstCold, pipResolution);
        var measurements = new LockingMeasurements
        {
            PipWithOurPins = pinnedCheck,
            Universe = universe,
            Served = served,
            FirstCold = firstCold,
            FirstPipWall = firstPipWall,
            PipResolution = pipResolution,
        };

        for (var round = 1; round <= options.Repetitions; round++)
        {
            await RoundAsync(round, measurements, cancellationToken);
        }

        if (options.FreshProcessNoops > 0)
        {
            measurements.FreshProcess = await FreshProcessNoopsAsync(cancellationToken);
        }

        if (options.Profile)
        {
            // Three instrumented runs, each with a fresh cache; the one with the median total is reported (one run's
            // numbers belong together, and a single run is at the mercy of the machine's other jobs).
            Log("profile: instrumented cold resolution of linux_x86_64 (3 runs)");
            var profiles = new List<ProfileBreakdown>();
            for (var run = 0; run < 3; run++)
            {
                using var workspace = NewWorkspace([TargetPlatform.LinuxX64]);
                profiles.Add(await new LockProfiler(workspace.Load(), NewCache(), server).RunAsync(cancellationToken));
            }

            measurements.Profile = profiles.OrderBy(p => p.Cold).ElementAt(1);
            measurements.ProfileColdRuns = [.. profiles.Select(p => p.Cold)];
        }

        return measurements;
    }

    /// <summary>Only the fresh-process "nothing to lock" runs; returns the lines to print.</summary>
    public async Task<IReadOnlyList<string>> FreshProcessOnlyAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var runs = await FreshProcessNoopsAsync(cancellationToken);
        return
        [
            $"nothing to lock, fresh process, in-process: {runs.InProcess.MedianAndMin}; process wall: {runs.Wall.MedianAndMin}",
            .. runs.Phases,
            "breakdown: " + runs.Breakdown,
        ];
    }

    private async Task RoundAsync(int round, LockingMeasurements measurements, CancellationToken cancellationToken)
    {
        Log($"round {round}/{options.Repetitions}: cold, warm, nothing to lock");
        using (var workspace = NewWorkspace(TargetPlatform.Defaults))
        {
            var cache = NewCache();
            var cold = await LockAsync(workspace, cache, cancellationToken);
            Require(cold, LayerLockAction.Locked);
            Record(cold, measurements.ColdWall, measurements.ColdPlatform, measurements.ColdLayerPlatform);
            measurements.ColdTraffic = cold.Traffic;

            workspace.DeleteLocks(workspace.Load());
            var warm = await LockAsync(workspace, cache, cancellationToken);
            Require(warm, LayerLockAction.Locked);
            Record(warm, measurements.WarmWall, measurements.WarmPlatform, measurements.WarmLayerPlatform);
            measurements.WarmTraffic = warm.Traffic;

            for (var call = 0; call < options.NoopCalls; call++)
            {
                var (endToEnd, lockOnly, noop) = await NoopAsync(workspace, cache, cancellationToken);
                Require(noop, LayerLockAction.UpToDate);
                measurements.NoopEndToEnd.Add(endToEnd);
                measurements.NoopLockOnly.Add(lockOnly);
                measurements.NoopTraffic = noop.Traffic;
            }

            // The parts of a warm "nothing to lock": what parsing the three pylock files and reading the lock state
            // (which parses and hashes them) cost on their own.
            var spec = workspace.Load();
            var parse = Stopwatch.StartNew();
            foreach (var layer in spec.Layers)
            {
                _ = PyLock.Parse(await File.ReadAllTextAsync(LayerLockFiles.For(spec, layer).PyLockPath, cancellationToken));
            }

            measurements.NoopPyLockParse.Add(parse.Elapsed);
            var state = Stopwatch.StartNew();
            _ = LockStateReader.Read(spec);
            measurements.NoopStateRead.Add(state.Elapsed);
        }

        Log($"round {round}/{options.Repetitions}: each platform alone, cold");
        foreach (var platform in TargetPlatform.Defaults)
        {
            using var workspace = NewWorkspace([platform]);
            var alone = await LockAsync(workspace, NewCache(), cancellationToken);
            Require(alone, LayerLockAction.Locked);
            LockingMeasurements.For(measurements.IsolatedResolver, platform.Name).Add(alone.PlatformTime(platform.Name));
            LockingMeasurements.For(measurements.IsolatedWall, platform.Name).Add(alone.Wall);
            measurements.IsolatedTraffic[platform.Name] = alone.Traffic;
        }

        Log($"round {round}/{options.Repetitions}: pip");
        var (pipWall, _, pipTraffic) = await PipAsync(cancellationToken);
        measurements.PipWall.Add(pipWall);
        measurements.PipTraffic = pipTraffic;

        // pip given its own answer (every package pinned with ==): its cost without the search, the floor for this stack.
        server.ClearRequests();
        var pinnedClock = Stopwatch.StartNew();
        await pip.ResolveAsync(server.SimpleUri, [.. PipArguments, .. measurements.PipResolution.Select(p => $"{p.Name}=={p.Version}")]);
        measurements.PipPinnedWall.Add(pinnedClock.Elapsed);
        measurements.PipPinnedTraffic = Traffic.From(server.Requests);
        var startup = Stopwatch.StartNew();
        await pip.RunAsync(["--version"], cancellationToken);
        measurements.PipStartup.Add(startup.Elapsed);
    }

    private async Task<FreshProcessNoops> FreshProcessNoopsAsync(CancellationToken cancellationToken)
    {
        // A locked stack on disk for the child processes to find up to date.
        using var workspace = NewWorkspace(TargetPlatform.Defaults);
        var cache = NewCache();
        Require(await LockAsync(workspace, cache, cancellationToken), LayerLockAction.Locked);
        Log("nothing to lock, fresh processes");
        var runs = new FreshProcessNoops();
        for (var run = 0; run < options.FreshProcessNoops; run++)
        {
            var (inProcess, wall, phases) = await FreshProcessNoop.RunAsync(workspace.SpecPath, cache, stateFirst: false, cancellationToken);
            runs.InProcess.Add(inProcess);
            runs.Wall.Add(wall);
            runs.Phases.Add(phases);
        }

        // One more child that reads the lock state on its own first, to see what that part costs JIT-cold.
        runs.Breakdown = (await FreshProcessNoop.RunAsync(workspace.SpecPath, cache, stateFirst: true, cancellationToken)).Phases;
        return runs;
    }

    private async Task<LockRun> LockAsync(StackWorkspace workspace, string cache, CancellationToken cancellationToken)
    {
        server.ClearRequests();
        var clock = Stopwatch.StartNew();
        var spec = workspace.Load();
        using var index = new IndexPlatformResolver(spec, LockEnvironment.Default with { CacheDirectory = cache, EnvironmentVariables = NoVariables });
        var timing = new TimingPlatformResolver(index);
        var result = await new LockEngine(timing).LockAsync(spec, LockOptions.Default, null, cancellationToken);
        clock.Stop();
        return new LockRun(clock.Elapsed, timing.Calls, Traffic.From(server.Requests), result);
    }

    /// <summary>What the build does on an unchanged stack: load the spec, create the resolver, lock in Auto mode.</summary>
    private async Task<(TimeSpan EndToEnd, TimeSpan LockOnly, LockRun Run)> NoopAsync(StackWorkspace workspace, string cache, CancellationToken cancellationToken)
    {
        server.ClearRequests();
        var clock = Stopwatch.StartNew();
        var spec = workspace.Load();
        using var index = new IndexPlatformResolver(spec, LockEnvironment.Default with { CacheDirectory = cache, EnvironmentVariables = NoVariables });
        var timing = new TimingPlatformResolver(index);
        var lockClock = Stopwatch.StartNew();
        var result = await new LockEngine(timing).LockAsync(spec, LockOptions.Default, null, cancellationToken);
        lockClock.Stop();
        clock.Stop();
        return (clock.Elapsed, lockClock.Elapsed, new LockRun(clock.Elapsed, timing.Calls, Traffic.From(server.Requests), result));
    }

    private async Task<(TimeSpan Wall, IReadOnlyList<PipReportItem> Resolution, Traffic Traffic)> PipAsync(CancellationToken cancellationToken)
    {
        server.ClearRequests();
        var clock = Stopwatch.StartNew();
        var resolution = await pip.ResolveAsync(server.SimpleUri, PipArguments);
        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        return (clock.Elapsed, resolution, Traffic.From(server.Requests));
    }

    /// <summary>
    /// pip's answer when every package of our linux_x86_64 resolution is added as <c>name==version</c>: if pip finds that
    /// set consistent with all requirements, a difference between the two resolutions is a choice between valid
    /// solutions, not an error of either. Null when the resolutions agree anyway.
    /// </summary>
    private async Task<PinnedCheck?> PipAcceptsAsync(LockRun ours, IReadOnlyList<PipReportItem> pipResolution)
    {
        var comparison = PipAgreement.Compare(ours, pipResolution);
        if (comparison.All(a => a.Agrees))
        {
            return null;
        }

        var pins = comparison.Where(a => a.Ours is not null).Select(a => $"{a.Name}=={a.Ours}").ToList();
        try
        {
            var pinned = await pip.ResolveAsync(server.SimpleUri, [.. universe.CombinedRequirements, .. pins, "--no-cache-dir", "--only-binary=:all:"]);
            return new PinnedCheck(pins.Count, pinned, null);
        }
        catch (InvalidOperationException e)
        {
            return new PinnedCheck(pins.Count, null, e.Message);
        }
    }

    private static void Record(LockRun run, Samples wall, Dictionary<string, Samples> perPlatform, Dictionary<(string, string), Samples> perLayerPlatform)
    {
        wall.Add(run.Wall);
        foreach (var platform in run.Resolutions.Select(r => r.Platform).Distinct(StringComparer.Ordinal))
        {
            LockingMeasurements.For(perPlatform, platform).Add(run.PlatformTime(platform));
        }

        foreach (var call in run.Resolutions)
        {
            LockingMeasurements.For(perLayerPlatform, (call.Layer, call.Platform)).Add(call.Elapsed);
        }
    }

    private static void Require(LockRun run, LayerLockAction expected)
    {
        if (!run.Result.Succeeded || run.Result.Layers.Any(l => l.Action != expected))
        {
            throw new InvalidOperationException(
                $"The lock run did not end as expected ({expected}): "
                + string.Join(", ", run.Result.Layers.Select(l => $"{l.BuildName}={l.Action}"))
                + "\n" + string.Join("\n", run.Result.Diagnostics));
        }
    }

    private StackWorkspace NewWorkspace(IReadOnlyList<TargetPlatform> platforms) =>
        new(options.WorkDirectory, universe, server.SimpleUri, platforms);

    private string NewCache() => Path.Combine(options.WorkDirectory, "cache-" + Guid.NewGuid().ToString("N")[..12]);

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
