using System.Diagnostics;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>A finished child process: exit code, output, wall-clock time from start to exit, and the CPU time it and
/// its descendants used (null where it cannot be measured).</summary>
internal sealed record BenchmarkProcess(int ExitCode, string Output, string Error, TimeSpan Elapsed, TimeSpan? CpuTime)
{
    /// <summary>Runs <paramref name="executable"/> with pip and Python isolated from user configuration.</summary>
    public static async Task<BenchmarkProcess> RunAsync(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("PIP_", StringComparison.Ordinal) || n.StartsWith("PYTHON", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        start.Environment["PYTHONNOUSERSITE"] = "1";
        var cpuBefore = ChildCpuTime.Read();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + executable);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        var cpu = ChildCpuTime.Read() - cpuBefore;
        return new BenchmarkProcess(process.ExitCode, await output, await error, clock.Elapsed, cpu);
    }

    /// <summary>Throws with the output when the process failed.</summary>
    public BenchmarkProcess EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed ({ExitCode}):\n{Output}\n{Error}");
}
