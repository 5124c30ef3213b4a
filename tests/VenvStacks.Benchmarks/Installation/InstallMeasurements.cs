using System.Globalization;
using System.Text;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>Wall-clock seconds per scenario, and whether our and pip's installations held the same files.</summary>
internal sealed record InstallMeasurements(IReadOnlyDictionary<InstallScenario, IReadOnlyList<double>> Seconds, string? FileSetCheck)
{
    public string ToMarkdown(InstallBenchmarkOptions options, SyntheticWheelSet set)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Wheel set: {set.Wheels.Count} wheels, {set.PackedBytes / 1e6:0.0} MB packed, {set.UnpackedBytes / 1e6:0.0} MB unpacked in {set.FileCount} files (seed {options.Seed}). ");
        text.Append(CultureInfo.InvariantCulture, $"{options.Runs} runs per row, each into a fresh venv; times are wall clock of the whole process (Python or .NET start-up included).\n\n");
        text.Append("| installer, source, cache | median s | min s | max s | vs pip (same source/cache) |\n|---|---:|---:|---:|---:|\n");
        foreach (var (scenario, samples) in Seconds)
        {
            var median = Median(samples);
            var ratio = Seconds.TryGetValue(scenario.PipCounterpart, out var pip) ? (median / Median(pip)).ToString("0.00×", CultureInfo.InvariantCulture) : "-";
            text.Append(CultureInfo.InvariantCulture, $"| {scenario.Name} | {median:0.00} | {samples.Min():0.00} | {samples.Max():0.00} | {ratio} |\n");
        }

        if (FileSetCheck is not null)
        {
            text.Append("\nInstalled files, venvstacks-sdk vs pip --no-compile (local wheels, first run): ").Append(FileSetCheck).Append('\n');
        }

        return text.ToString();
    }

    private static double Median(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
