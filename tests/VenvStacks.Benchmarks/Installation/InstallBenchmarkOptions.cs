using System.Globalization;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>Options of <c>--installation</c>: <c>--wheels N</c> (30), <c>--runs N</c> (3), <c>--seed N</c>,
/// <c>--markdown FILE</c>, <c>--work DIR</c>, <c>--skip-pip</c>.</summary>
internal sealed record InstallBenchmarkOptions
{
    public int Wheels { get; init; } = 30;

    public int Runs { get; init; } = 3;

    public int Seed { get; init; } = 20260101;

    public string? MarkdownPath { get; init; }

    public bool SkipPip { get; init; }

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "vstk-install-bench-" + Guid.NewGuid().ToString("N")[..8]);

    public static InstallBenchmarkOptions Parse(string[] args)
    {
        var options = new InstallBenchmarkOptions();
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--wheels" => options with { Wheels = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--markdown" => options with { MarkdownPath = Path.GetFullPath(Value()) },
                "--work" => options with { WorkDirectory = Path.GetFullPath(Value()) },
                "--skip-pip" => options with { SkipPip = true },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }

        return options;
    }
}
