using BenchmarkDotNet.Running;
using VenvStacks.Benchmarks.Archives;
using VenvStacks.Benchmarks.Installation;
using VenvStacks.Benchmarks.Locking;
using VenvStacks.Benchmarks.Publishing;

// `--publish` times one layer published through PublishEngine (Publishing/PublishBenchmarkProgram.cs, for
// build/bench/publish_bench.sh).
if (PublishBenchmarkProgram.Handles(args))
{
    return await PublishBenchmarkProgram.RunAsync(args);
}

// `--locking` runs the end-to-end locking measurement (Locking/LockingBenchmarkProgram.cs), `--installation` the wheel
// installation measurement against pip (Installation/InstallBenchmarkProgram.cs), `--archive` writes one archive for
// build/bench/archive_bench.sh (Archives/ArchiveBenchmarkProgram.cs). Everything else goes to
// BenchmarkDotNet, where every benchmark class is selectable: `dotnet run -c Release -- --filter '*Version*'`.
if (ArchiveBenchmarkProgram.Handles(args))
{
    return await ArchiveBenchmarkProgram.RunAsync(args);
}

if (LockingBenchmarkProgram.Handles(args))
{
    return await LockingBenchmarkProgram.RunAsync(args);
}

if (InstallBenchmarkProgram.Handles(args))
{
    return await InstallBenchmarkProgram.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
