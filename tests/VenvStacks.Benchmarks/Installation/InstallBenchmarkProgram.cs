using System.Diagnostics;
using System.Globalization;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>
/// The console entry of the installation benchmark: <c>dotnet run -c Release --project tests/VenvStacks.Benchmarks --
/// --installation [--wheels 30] [--runs 3] [--markdown FILE]</c> (see build/bench/install_bench.sh). Not
/// BenchmarkDotNet: fresh venvs, download caches and pip processes do not fit its iteration model.
/// </summary>
internal static class InstallBenchmarkProgram
{
    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] == "--installation" || args[0] == InstallChild.Switch);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == InstallChild.Switch)
        {
            return await InstallChild.RunAsync(args);
        }

        InstallBenchmarkOptions options;
        try
        {
            options = InstallBenchmarkOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var pip = PipRunner.Find();
        if (pip is null)
        {
            Console.Error.WriteLine($"No Python with pip found (set {PipRunner.PythonVariable}).");
            return 1;
        }

        var version = (await BenchmarkProcess.RunAsync(pip.Python, ["-c", "import platform; print(platform.python_version())"])).EnsureSuccess("python").Output.Trim();
        var clock = Stopwatch.StartNew();
        var set = SyntheticWheelSet.Generate(options.Wheels, options.Seed);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set.Wheels.Count} wheels, {set.PackedBytes / 1e6:0.0} MB packed, {set.UnpackedBytes / 1e6:0.0} MB unpacked, {set.FileCount} files, generated in {clock.Elapsed.TotalSeconds:0.0} s; Python {version} at {pip.Python}"));
        await using var server = LocalIndexServer.Start();
        try
        {
            var measurements = await new InstallBenchmark(options, pip.Python, "cpython@" + version, set, server).RunAsync();
            var report = measurements.ToMarkdown(options, set);
            Console.WriteLine(report);
            if (options.MarkdownPath is { } path)
            {
                await File.WriteAllTextAsync(path, report);
            }
        }
        finally
        {
            InstallBenchmark.TryDelete(options.WorkDirectory);
        }

        return 0;
    }
}
