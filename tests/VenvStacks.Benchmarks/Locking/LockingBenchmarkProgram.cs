using System.Diagnostics;
using System.Globalization;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// The console entry of the locking benchmark: <c>dotnet run -c Release --project tests/VenvStacks.Benchmarks --
/// --locking</c>. Not BenchmarkDotNet: cold and warm caches, lock files on disk and a pip process per measurement do
/// not fit its iteration model.
/// </summary>
internal static class LockingBenchmarkProgram
{
    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] == "--locking" || args[0] == FreshProcessNoop.Switch);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == FreshProcessNoop.Switch)
        {
            return await FreshProcessNoop.RunChildAsync(args);
        }

        LockingBenchmarkOptions options;
        try
        {
            options = LockingBenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (options.DumpUniverse)
        {
            Console.Write(UniverseDump.Render(SyntheticUniverse.Generate(options.Seed)));
            return 0;
        }

        var pip = PipRunner.Find();
        if (pip is null)
        {
            Console.Error.WriteLine($"No Python with pip found (set {PipRunner.PythonVariable}).");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var universe = SyntheticUniverse.Generate(options.Seed);
        await using var server = LocalIndexServer.Start();
        var served = UniverseIndex.Serve(server, universe);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"universe: {universe.Projects.Count} projects, {served.Files} wheels ({served.Bytes / 1024} KiB) served at {server.SimpleUri} in {clock.Elapsed.TotalSeconds:0.0} s; pip: {pip.Python}"));

        if (options.ServeSeconds > 0)
        {
            Console.WriteLine(server.SimpleUri);
            Console.WriteLine("pip arguments: " + string.Join(' ', universe.CombinedRequirements.Select(r => $"\"{r}\"")));
            await Task.Delay(TimeSpan.FromSeconds(options.ServeSeconds));
            return 0;
        }

        if (options.FreshProcessOnly)
        {
            foreach (var line in await new LockingBenchmark(options, server, pip, universe).FreshProcessOnlyAsync(CancellationToken.None))
            {
                Console.WriteLine(line);
            }

            TryDelete(options.WorkDirectory);
            return 0;
        }

        try
        {
            var measurements = await new LockingBenchmark(options, server, pip, universe).RunAsync(served, CancellationToken.None);
            var report = LockingReport.Render(measurements, options);
            Console.WriteLine(report);
            if (options.MarkdownPath is { } path)
            {
                await File.WriteAllTextAsync(path, report);
                Console.Error.WriteLine("report written to " + path);
            }
        }
        finally
        {
            TryDelete(options.WorkDirectory);
        }

        return 0;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Temp leftovers do not matter.
        }
    }
}
