using System.Globalization;
using System.Text;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>The samples per scenario, and whether our and pip's installations held the same files.</summary>
internal sealed record InstallMeasurements(IReadOnlyDictionary<InstallScenario, IReadOnlyList<InstallSample>> Samples, string? FileSetCheck)
{
    public string ToMarkdown(InstallBenchmarkOptions options, SyntheticWheelSet set)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Wheel set: {set.Wheels.Count} wheels, {set.PackedBytes / 1e6:0.0} MB packed, {set.UnpackedBytes / 1e6:0.0} MB unpacked in {set.FileCount} files (seed {options.Seed}). ");
        text.Append(CultureInfo.InvariantCulture, $"{options.Runs} runs per row, each into a fresh venv. Wall: whole process, start-up included (Python's or .NET's); CPU: user + system of the process and its children.\n\n");
        text.Append("| installer, source, cache | wall median s | wall min–max s | CPU median s | wall vs pip | CPU vs pip |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var (scenario, samples) in Samples)
        {
            var wall = Median(samples.Select(s => s.Seconds));
            var cpu = samples.All(s => s.CpuSeconds is not null) ? Median(samples.Select(s => s.CpuSeconds!.Value)) : (double?)null;
            var pip = Samples.GetValueOrDefault(scenario.PipCounterpart);
            var wallRatio = pip is null ? "-" : (wall / Median(pip.Select(s => s.Seconds))).ToString("0.00×", CultureInfo.InvariantCulture);
            var cpuRatio = pip is null || cpu is null || pip.Any(s => s.CpuSeconds is null)
                ? "-"
                : (cpu.Value / Median(pip.Select(s => s.CpuSeconds!.Value))).ToString("0.00×", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"| {scenario.Name} | {wall:0.00} | {samples.Min(s => s.Seconds):0.00}–{samples.Max(s => s.Seconds):0.00} | {cpu:0.00} | {wallRatio} | {cpuRatio} |\n");
        }

        if (FileSetCheck is not null)
        {
            text.Append("\nInstalled files, venvstacks-sdk vs pip --no-compile (local wheels, first run): ").Append(FileSetCheck).Append('\n');
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
