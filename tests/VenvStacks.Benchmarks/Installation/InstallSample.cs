namespace VenvStacks.Benchmarks.Installation;

/// <summary>One measured installation: wall-clock seconds and CPU seconds (user + system, all processes; null where
/// not measurable).</summary>
internal sealed record InstallSample(double Seconds, double? CpuSeconds);
