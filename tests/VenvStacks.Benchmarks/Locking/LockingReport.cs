using System.Globalization;
using System.Text;
using VenvStacks.Core.Locking;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>Writes the measurements as Markdown tables (times as "median (min)").</summary>
internal static class LockingReport
{
    private const double PlatformTarget = 5.0;
    private const double NoopTargetMs = 100.0;

    public static string Render(LockingMeasurements m, LockingBenchmarkOptions options)
    {
        var text = new StringBuilder();
        var layers = m.FirstCold.Resolutions.Select(r => r.Layer).Distinct(StringComparer.Ordinal).ToList();
        var platforms = TargetPlatform.Defaults.Select(p => p.Name).ToList();
        var agreement = PipAgreement.Compare(m.FirstCold, m.PipResolution);

        Universe(text, m, layers, platforms, agreement);
        Summary(text, m, options);
        PerPlatform(text, m, platforms);
        PerLayer(text, m, layers, platforms);
        TrafficTable(text, m, platforms);
        Agreement(text, agreement, m.PipWithOurPins);
        if (m.Profile is { } profile)
        {
            Profile(text, profile, m);
        }

        Targets(text, m, platforms);
        return text.ToString();
    }

    private static void Universe(StringBuilder text, LockingMeasurements m, List<string> layers, List<string> platforms, IReadOnlyList<PackageAgreement> agreement)
    {
        var u = m.Universe;
        var binary = u.Projects.Count(p => p.Kind == SyntheticProjectKind.Binary);
        text.AppendLine(Invariant($"**Universe** (seed {u.Seed}): {u.Projects.Count} projects ({binary} compiled, {u.Projects.Count - binary} pure), {u.ReleaseCount} releases, {m.Served.Files} wheels, {m.Served.Bytes / 1024.0:0} KiB in all (mean {m.Served.Bytes / (double)m.Served.Files:0} bytes per wheel)."));
        text.AppendLine();
        text.AppendLine("| Layer | Requirements | Own packages on linux_x86_64 | Own packages per platform (min–max) |");
        text.AppendLine("|---|---|---:|---:|");
        var requirements = new[] { u.RuntimeRequirements, u.FrameworkRequirements, u.ApplicationRequirements };
        for (var i = 0; i < layers.Count; i++)
        {
            var perPlatform = platforms.Select(p => OwnPackages(m.FirstCold, layers, i, p)).ToList();
            text.AppendLine(Invariant($"| `{layers[i]}` | {string.Join(", ", requirements[Math.Min(i, 2)].Select(r => $"`{r}`"))} | {perPlatform[platforms.IndexOf(PipAgreement.HostPlatform)]} | {perPlatform.Min()}–{perPlatform.Max()} |"));
        }

        var total = platforms.Select(p => Enumerable.Range(0, layers.Count).Sum(i => OwnPackages(m.FirstCold, layers, i, p))).ToList();
        text.AppendLine(Invariant($"| all | {u.CombinedRequirements.Count} requirements | {total[platforms.IndexOf(PipAgreement.HostPlatform)]} | {total.Min()}–{total.Max()} |"));
        text.AppendLine();
        text.AppendLine(Invariant($"pip resolves {m.PipResolution.Count} packages for the same requirements on the host ({agreement.Count(a => a.Agrees)} with the same version as ours)."));
        text.AppendLine();
    }

    private static int OwnPackages(LockRun run, List<string> layers, int layer, string platform)
    {
        var below = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < layer; i++)
        {
            below.UnionWith(Packages(run, layers[i], platform));
        }

        return Packages(run, layers[layer], platform).Count(p => !below.Contains(p));
    }

    private static IEnumerable<string> Packages(LockRun run, string layer, string platform) =>
        run.Resolutions.Where(r => r.Layer == layer && r.Platform == platform).Select(r => r.Outcome)
            .OfType<PlatformResolved>().SelectMany(r => r.Packages).Select(p => p.Name);

    private static void Summary(StringBuilder text, LockingMeasurements m, LockingBenchmarkOptions options)
    {
        text.AppendLine(Invariant($"Median (min) of {options.Repetitions} repetitions unless noted; rounds interleave all measurements, after one discarded warm-up round."));
        text.AppendLine();
        text.AppendLine("| Measurement | Median (min) | Notes |");
        text.AppendLine("|---|---:|---|");
        text.AppendLine(Invariant($"| Cold lock, 3 layers × 6 platforms (wall) | {m.ColdWall.MedianAndMin} | fresh cache dir; spec load + `IndexPlatformResolver` + `LockEngine.LockAsync`; first run in the process (JIT cold): {Samples.Format(m.FirstCold.Wall.TotalMilliseconds)} |"));
        text.AppendLine(Invariant($"| Warm lock, same stack (wall) | {m.WarmWall.MedianAndMin} | cache kept, lock files deleted: pages revalidated (304), metadata from the cache |"));
        text.AppendLine(Invariant($"| Nothing to lock: spec load + resolver + `LockAsync` (Auto) | {m.NoopEndToEnd.MedianAndMin} | {m.NoopEndToEnd.Count} calls in a warm process; 95th percentile {Samples.Format(m.NoopEndToEnd.Percentile(0.95))}, max {Samples.Format(m.NoopEndToEnd.Max)} |"));
        text.AppendLine(Invariant($"| Nothing to lock: `LockAsync` alone | {m.NoopLockOnly.MedianAndMin} | same calls; of which one `LockStateReader.Read` costs {m.NoopStateRead.MedianAndMin} and one `PyLock.Parse` of the 3 lock files {m.NoopPyLockParse.MedianAndMin} (timed apart) |"));
        if (m.FreshProcess.InProcess.Count > 0)
        {
            text.AppendLine(Invariant($"| Nothing to lock in a fresh process (JIT cold), in-process time | {m.FreshProcess.InProcess.MedianAndMin} | {m.FreshProcess.InProcess.Count} processes; the process's wall time incl. .NET start: {m.FreshProcess.Wall.MedianAndMin} |"));
        }

        text.AppendLine(Invariant($"| pip: `install --dry-run --ignore-installed --report`, cold (wall) | {m.PipWall.MedianAndMin} | host platform only, all 3 layers' requirements at once, `--no-cache-dir --only-binary=:all:`; first run: {Samples.Format(m.FirstPipWall.TotalMilliseconds)} |"));
        text.AppendLine(Invariant($"| pip, cold, every package pinned to pip's own answer (`name==version`) | {m.PipPinnedWall.MedianAndMin} | the same work without the search: pip's floor for this stack |"));
        text.AppendLine(Invariant($"| pip: `pip --version` (interpreter + pip start) | {m.PipStartup.MedianAndMin} | a lower bound of pip's fixed cost |"));
        text.AppendLine();
        if (m.FreshProcess.Phases.Count > 0)
        {
            text.AppendLine("Nothing to lock in a fresh process, phase by phase (ms; JIT = time the JIT compiler ran during the phase, process-wide):");
            text.AppendLine();
            foreach (var phases in m.FreshProcess.Phases)
            {
                text.AppendLine($"- `{phases}`");
            }

            if (m.FreshProcess.Breakdown is { } breakdown)
            {
                text.AppendLine($"- breakdown run (the lock engine's first step done beforehand, in pieces): `{breakdown}`");
            }

            text.AppendLine();
        }
    }

    private static void PerPlatform(StringBuilder text, LockingMeasurements m, List<string> platforms)
    {
        text.AppendLine("Resolution time per platform (the `IPlatformResolver` calls of the 3 layers summed; pip: whole process, host platform):");
        text.AppendLine();
        text.AppendLine("| Platform | Full lock, cold | Full lock, warm | Platform alone, cold: resolver | Platform alone, cold: wall | pip, cold | pip ÷ alone (resolver) | pinned pip ÷ alone (wall) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var platform in platforms)
        {
            var alone = m.IsolatedResolver[platform];
            text.AppendLine(Invariant($"| {platform} | {m.ColdPlatform[platform].MedianAndMin} | {m.WarmPlatform[platform].MedianAndMin} | {alone.MedianAndMin} | {m.IsolatedWall[platform].MedianAndMin} | {(platform == PipAgreement.HostPlatform ? m.PipWall.MedianAndMin : "–")} | {m.PipWall.Median / alone.Median:0.0}× | {m.PipPinnedWall.Median / m.IsolatedWall[platform].Median:0.0}× |"));
        }

        text.AppendLine();
        text.AppendLine("In the full lock each layer resolves its platforms one after the other and the first one pays for the index round trips; the others reuse the pages and metadata it fetched (the runtime's first platform is linux_x86_64 as declared; the upper layers inherit the platforms sorted by name, so theirs is linux_aarch64). \"Platform alone\" locks a copy of the stack restricted to that one platform with a fresh cache: the fair per-platform comparison with pip.");
        text.AppendLine();
    }

    private static void PerLayer(StringBuilder text, LockingMeasurements m, List<string> layers, List<string> platforms)
    {
        text.AppendLine("<details><summary>Full lock: resolver time per layer and platform (median)</summary>");
        text.AppendLine();
        text.AppendLine("| Layer | " + string.Join(" | ", platforms.Select(p => p + " cold / warm")) + " |");
        text.AppendLine("|---|" + string.Concat(platforms.Select(_ => "---:|")));
        foreach (var layer in layers)
        {
            text.AppendLine($"| `{layer}` | " + string.Join(" | ", platforms.Select(p =>
                $"{Samples.Format(m.ColdLayerPlatform[(layer, p)].Median)} / {Samples.Format(m.WarmLayerPlatform[(layer, p)].Median)}")) + " |");
        }

        text.AppendLine();
        text.AppendLine("</details>");
        text.AppendLine();
    }

    private static void TrafficTable(StringBuilder text, LockingMeasurements m, List<string> platforms)
    {
        text.AppendLine("Index requests per run (as the loopback server recorded them):");
        text.AppendLine();
        text.AppendLine("| Run | Requests | Pages (200) | 304 | Metadata files | Wheels |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        Row("Cold lock, 6 platforms", m.ColdTraffic);
        Row("Warm lock, 6 platforms", m.WarmTraffic);
        Row("Nothing to lock", m.NoopTraffic);
        foreach (var platform in platforms)
        {
            Row($"Cold, {platform} alone", m.IsolatedTraffic.GetValueOrDefault(platform));
        }

        Row("pip, cold", m.PipTraffic);
        Row("pip, cold, all pinned", m.PipPinnedTraffic);
        text.AppendLine();

        void Row(string name, Traffic? traffic)
        {
            if (traffic is not null)
            {
                text.AppendLine(Invariant($"| {name} | {traffic.Total} | {traffic.Pages} | {traffic.NotModified} | {traffic.Metadata} | {traffic.Wheels} |"));
            }
        }
    }

    private static void Agreement(StringBuilder text, IReadOnlyList<PackageAgreement> agreement, PinnedCheck? pinned)
    {
        var runtime = agreement.Where(a => a.Layer == agreement[0].Layer).ToList();
        var differences = agreement.Where(a => !a.Agrees).ToList();
        text.AppendLine(Invariant($"**Agreement with pip on linux_x86_64:** runtime layer {runtime.Count(a => a.Agrees)}/{runtime.Count} packages with the same version; all layers {agreement.Count(a => a.Agrees)}/{agreement.Count}."));
        text.AppendLine();
        if (differences.Count > 0)
        {
            text.AppendLine("| Package | Layer | Ours | pip |");
            text.AppendLine("|---|---|---|---|");
            foreach (var row in differences)
            {
                text.AppendLine($"| {row.Name} | {row.Layer ?? "–"} | {row.Ours ?? "–"} | {row.Pip ?? "–"} |");
            }

            text.AppendLine();
            if (pinned is not null)
            {
                text.AppendLine(pinned.Resolution is { } accepted
                    ? Invariant($"pip accepts our set: with all {pinned.Pins} of our linux_x86_64 versions added as `name==version` pins to the same requirements, pip resolves without error ({accepted.Count} packages), so both answers are valid solutions and the difference is a choice between them.")
                    : Invariant($"pip rejects our set when it is pinned (`name==version` × {pinned.Pins}):\n\n```\n{pinned.Failure}\n```"));
                text.AppendLine();
            }
        }

        text.AppendLine("<details><summary>linux_x86_64 versions, ours and pip's</summary>");
        text.AppendLine();
        foreach (var group in agreement.GroupBy(a => a.Layer ?? "pip only"))
        {
            text.AppendLine($"- `{group.Key}`: " + string.Join(", ", group.Select(a => a.Agrees ? $"{a.Name} {a.Ours}" : $"**{a.Name} {a.Ours ?? "–"} (pip {a.Pip ?? "–"})**")));
        }

        text.AppendLine();
        text.AppendLine("</details>");
        text.AppendLine();
    }

    private static void Profile(StringBuilder text, ProfileBreakdown p, LockingMeasurements m)
    {
        text.AppendLine("Where the time of a cold linux_x86_64 resolution goes (instrumented run: the same index client, finder and caching provider as `IndexPlatformResolver`, with a timing HTTP handler and a timing provider in the chain; the median of 3 runs by total, whose totals were " + string.Join(", ", m.ProfileColdRuns.Select(t => Samples.Format(t.TotalMilliseconds))) + "):");
        text.AppendLine();
        text.AppendLine("| Layer | Cold resolution | Same again, all answers in memory (solver + candidates) | Packages | Decisions | Conflicts |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var layer in p.Layers)
        {
            text.AppendLine(Invariant($"| `{layer.Layer}` | {Samples.Format(layer.Cold.TotalMilliseconds)} | {Samples.Format(layer.InMemory.TotalMilliseconds)} | {layer.Packages} | {layer.Decisions} | {layer.Conflicts} |"));
        }

        text.AppendLine(Invariant($"| all | {Samples.Format(p.Cold.TotalMilliseconds)} | {Samples.Format(p.InMemory.TotalMilliseconds)} | | | |"));
        text.AppendLine();
        text.AppendLine("| Part | Time | Count |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(Invariant($"| HTTP in flight (union of request intervals) | {Samples.Format(p.HttpBusy.TotalMilliseconds)} | {p.Requests} requests, {p.BytesReceived / 1024.0:0} KiB |"));
        text.AppendLine(Invariant($"| HTTP summed over requests (up to 8 in flight) | {Samples.Format(p.HttpSum.TotalMilliseconds)} | mean {Samples.Format(p.HttpSum.TotalMilliseconds / Math.Max(1, p.Requests))} per request |"));
        text.AppendLine(Invariant($"| Provider: listings (page fetch + cache write + parse), summed | {Samples.Format(p.ListingSum.TotalMilliseconds)} | {p.Listings} |"));
        text.AppendLine(Invariant($"| Provider: metadata (fetch + cache write + parse), summed | {Samples.Format(p.MetadataSum.TotalMilliseconds)} | {p.MetadataAnswers} |"));
        text.AppendLine(Invariant($"| JSON page parsing alone (all pages once, re-timed) | {Samples.Format(p.PageParsing.TotalMilliseconds)} | {p.Pages} pages |"));
        text.AppendLine(Invariant($"| METADATA parsing alone (all files once, re-timed) | {Samples.Format(p.MetadataParsing.TotalMilliseconds)} | {p.MetadataFiles} files |"));
        text.AppendLine();
    }

    private static void Targets(StringBuilder text, LockingMeasurements m, List<string> platforms)
    {
        var slowest = platforms.MaxBy(p => m.IsolatedResolver[p].Median)!;
        var ratio = m.PipWall.Median / m.IsolatedResolver[slowest].Median;
        var ratioWall = m.PipWall.Median / m.IsolatedWall[slowest].Median;
        text.AppendLine("**Targets:**");
        text.AppendLine();
        var pinnedRatio = m.PipPinnedWall.Median / m.IsolatedWall[slowest].Median;
        text.AppendLine(Invariant($"- Each platform's cold resolution ≥ {PlatformTarget:0}× faster than pip: slowest platform alone ({slowest}) {Samples.Format(m.IsolatedResolver[slowest].Median)} resolver time, {Samples.Format(m.IsolatedWall[slowest].Median)} lock wall time, vs pip {Samples.Format(m.PipWall.Median)}: {ratio:0.0}× ({ratioWall:0.0}× on wall time) — {(ratio >= PlatformTarget ? "met" : "missed")}. Even against pip with every version pinned (no search, {Samples.Format(m.PipPinnedWall.Median)}): {pinnedRatio:0.0}× on wall time."));
        var p95 = m.NoopEndToEnd.Percentile(0.95);
        var noopVerdict = m.NoopEndToEnd.Max <= NoopTargetMs ? "met" : p95 <= NoopTargetMs ? "met (95th percentile)" : m.NoopEndToEnd.Median <= NoopTargetMs ? "met on the median only" : "missed";
        var noop = Invariant($"- Nothing to lock ≤ {NoopTargetMs:0} ms: {Samples.Format(m.NoopEndToEnd.Median)} median, {Samples.Format(p95)} 95th percentile, {Samples.Format(m.NoopEndToEnd.Max)} max in a warm process — {noopVerdict}");
        if (m.FreshProcess.InProcess.Count > 0)
        {
            var freshVerdict = m.FreshProcess.InProcess.Median <= NoopTargetMs ? "met" : "missed";
            noop += Invariant($"; {Samples.Format(m.FreshProcess.InProcess.Median)} in a fresh process (JIT cold) — {freshVerdict}");
        }

        text.AppendLine(noop + ".");
        text.AppendLine();
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
