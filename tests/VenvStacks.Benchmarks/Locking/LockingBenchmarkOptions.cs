using System.Globalization;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>Command-line options of <c>--locking</c>.</summary>
/// <param name="Repetitions">Measured repetitions of every measurement (after one discarded warm-up round).</param>
/// <param name="NoopCalls">"Nothing to lock" calls per repetition.</param>
/// <param name="FreshProcessNoops">"Nothing to lock" runs in a new process each (JIT cold).</param>
/// <param name="Seed">The universe's seed.</param>
/// <param name="MarkdownPath">Where to write the result tables, or null.</param>
/// <param name="WorkDirectory">Where workspaces and caches are created (and deleted).</param>
/// <param name="Profile">Also run the instrumented breakdown (HTTP, metadata parsing, solver) of a cold resolution.</param>
/// <param name="DumpUniverse">Only print the generated universe (every release's requirements and wheels) and stop.</param>
/// <param name="ServeSeconds">Only serve the universe on the loopback index for this many seconds (to run pip by hand).</param>
/// <param name="FreshProcessOnly">Only measure "nothing to lock" in fresh processes (for comparing start-up costs,
/// e.g. of a ReadyToRun build of this program).</param>
internal sealed record LockingBenchmarkOptions(
    int Repetitions,
    int NoopCalls,
    int FreshProcessNoops,
    int Seed,
    string? MarkdownPath,
    string WorkDirectory,
    bool Profile,
    bool DumpUniverse = false,
    int ServeSeconds = 0,
    bool FreshProcessOnly = false)
{
    public const string Usage = """
        --locking [--repetitions N] [--noop-calls N] [--fresh-process-noops N] [--seed N] [--markdown PATH] [--work DIR] [--profile] [--dump-universe] [--serve SECONDS] [--fresh-process-only]
          Locks the synthetic 3-layer stack for 6 platforms from a loopback index (cold cache, warm cache, nothing to
          lock) and runs pip 23.2 on the same requirements, each measurement repeated N times (default 5).
        """;

    public static LockingBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LockingBenchmarkOptions(5, 20, 5, SyntheticUniverse.DefaultSeed, null, Path.Combine(Path.GetTempPath(), "vstk-lockbench"), false);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--locking" => options,
                "--repetitions" => options with { Repetitions = Number(args, ++i) },
                "--noop-calls" => options with { NoopCalls = Number(args, ++i) },
                "--fresh-process-noops" => options with { FreshProcessNoops = Number(args, ++i) },
                "--seed" => options with { Seed = Number(args, ++i) },
                "--markdown" => options with { MarkdownPath = Path.GetFullPath(Value(args, ++i)) },
                "--work" => options with { WorkDirectory = Path.GetFullPath(Value(args, ++i)) },
                "--profile" => options with { Profile = true },
                "--dump-universe" => options with { DumpUniverse = true },
                "--serve" => options with { ServeSeconds = Number(args, ++i) },
                "--fresh-process-only" => options with { FreshProcessOnly = true },
                var other => throw new ArgumentException($"Unknown option '{other}'.\n{Usage}"),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value.\n{Usage}");

    private static int Number(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a non-negative number.\n{Usage}");
}
