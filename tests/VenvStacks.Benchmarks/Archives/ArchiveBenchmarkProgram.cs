using System.Diagnostics;
using System.Globalization;
using VenvStacks.Core.Archives;

namespace VenvStacks.Benchmarks.Archives;

/// <summary>
/// The console entry build/bench/archive_bench.sh times against GNU tar piped into xz or zstd:
/// <c>dotnet VenvStacks.Benchmarks.dll --archive SOURCE OUTPUT [--level N] [--threads N] [--root NAME]</c>, format from
/// OUTPUT's extension. Prints one line of <c>key=value</c> pairs: wall seconds, archive size, SHA-256, entries, and the
/// process's own peak working set (the script also runs it under <c>/usr/bin/time -v</c> where that exists).
/// </summary>
internal static class ArchiveBenchmarkProgram
{
    public const string Switch = "--archive";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == Switch;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            await Console.Error.WriteLineAsync($"usage: {Switch} SOURCE OUTPUT [--level N] [--threads N] [--root NAME]");
            return 2;
        }

        var source = args[1];
        var output = args[2];
        int? level = null, threads = null;
        var root = "layer";
        for (var i = 3; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--level":
                    level = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--root":
                    root = args[i + 1];
                    break;
                default:
                    await Console.Error.WriteLineAsync("unknown option " + args[i]);
                    return 2;
            }
        }

        var request = new ArchiveWriteRequest(source, root, output, ArchiveFormats.FromPath(output), DateTimeOffset.FromUnixTimeSeconds(1_714_979_290))
        {
            Compression = new ArchiveCompression(level, threads),
        };
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None);
            clock.Stop();
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"seconds={clock.Elapsed.TotalSeconds:0.00} size={result.Size} sha256={result.Sha256} entries={result.Entries} peak_working_set_mb={self.PeakWorkingSet64 / (1024.0 * 1024):0.0} warnings={result.Warnings.Length}"));
            return 0;
        }
        catch (ArchiveException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
