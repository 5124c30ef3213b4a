using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// "Nothing to lock" in a new process: what the first build in a fresh MSBuild node pays, JIT compilation included.
/// The parent starts this program again with <see cref="Switch"/>; the child loads the spec, locks in Auto mode,
/// checks that every layer was up to date, and prints the in-process time.
/// </summary>
internal static class FreshProcessNoop
{
    public const string Switch = "--locking-noop";
    private const string Prefix = "noop-ms=";
    private const string PhasesPrefix = "phases:";
    private const string StateFirst = "--state-first";

    /// <summary>Runs one child process; returns its in-process time, the process's wall time and the child's phase line
    /// (spec load, resolver creation, lock, JIT time and compiled methods, all in-process).</summary>
    public static async Task<(TimeSpan InProcess, TimeSpan Wall, string Phases)> RunAsync(string specPath, string cache, bool stateFirst, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(FreshProcessNoop).Assembly.Location);
        }

        start.ArgumentList.Add(Switch);
        start.ArgumentList.Add(specPath);
        start.ArgumentList.Add(cache);
        if (stateFirst)
        {
            start.ArgumentList.Add(StateFirst);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + self);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        var line = (await output).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The nothing-to-lock child failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        var phases = (await output).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(PhasesPrefix, StringComparison.Ordinal));
        return (TimeSpan.FromMilliseconds(double.Parse(line[Prefix.Length..], CultureInfo.InvariantCulture)), clock.Elapsed, phases?[PhasesPrefix.Length..] ?? "");
    }

    /// <summary>The child: <c>--locking-noop {spec path} {cache} [--state-first]</c>. With <c>--state-first</c> the lock
    /// state is read once on its own before the lock (a breakdown run; its total is not a measurement).</summary>
    public static async Task<int> RunChildAsync(IReadOnlyList<string> args)
    {
        if (args.Count is not (3 or 4))
        {
            Console.Error.WriteLine($"usage: {Switch} <spec path> <cache directory> [{StateFirst}]");
            return 2;
        }

        var phases = new PhaseClock();
        var spec = StackSpecLoader.Load(args[1], StackSpecLoadOptions.Empty).Spec
            ?? throw new InvalidOperationException("The spec does not load.");
        phases.End("load");
        using var index = new IndexPlatformResolver(spec, LockEnvironment.Default with
        {
            CacheDirectory = args[2],
            EnvironmentVariables = ImmutableDictionary<string, string>.Empty,
        });
        phases.End("resolver");
        if (args.Count == 4 && args[3] == StateFirst)
        {
            // The lock engine's first step in pieces: parsing the pylock files (TOML), choosing the source-tree
            // filter, then the whole lock state (which parses and hashes them again, now JIT-warm).
            foreach (var layer in spec.Layers)
            {
                _ = PyLock.Parse(File.ReadAllText(LayerLockFiles.For(spec, layer).PyLockPath));
            }

            phases.End("pylock-parse");
            _ = SourceTreeFilter.For(spec.SpecDirectory);
            phases.End("source-filter");
            _ = LockStateReader.Read(spec);
            phases.End("state");
        }

        var result = await new LockEngine(index).LockAsync(spec, LockOptions.Default, null, CancellationToken.None);
        phases.End("lock");
        if (!result.Succeeded || result.Layers.Any(l => l.Action != LayerLockAction.UpToDate))
        {
            Console.Error.WriteLine("Expected every layer to be up to date: " + string.Join(", ", result.Layers.Select(l => $"{l.BuildName}={l.Action}")));
            return 1;
        }

        Console.WriteLine(PhasesPrefix + phases);
        Console.WriteLine(Prefix + phases.Total.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Phase times with the JIT's share of each (<see cref="System.Runtime.JitInfo"/> is process-wide and
    /// cumulative; background tier-1 compilation also counts, so the share is an upper bound).</summary>
    private sealed class PhaseClock
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _parts = [];
        private TimeSpan _last;
        private TimeSpan _lastJit = System.Runtime.JitInfo.GetCompilationTime();
        private long _lastMethods = System.Runtime.JitInfo.GetCompiledMethodCount();

        public TimeSpan Total => _clock.Elapsed;

        public void End(string phase)
        {
            var now = _clock.Elapsed;
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            _parts.Add(string.Create(CultureInfo.InvariantCulture, $"{phase} {(now - _last).TotalMilliseconds:0} (JIT {(jit - _lastJit).TotalMilliseconds:0}, {methods - _lastMethods} methods)"));
            (_last, _lastJit, _lastMethods) = (now, jit, methods);
        }

        public override string ToString() => string.Join("; ", _parts);
    }
}
