using BenchmarkDotNet.Running;
using VenvStacks.Benchmarks.Archives;
using VenvStacks.Benchmarks.Locking;

// `--locking` runs the end-to-end locking measurement (Locking/LockingBenchmarkProgram.cs), `--archive` writes one
// archive for build/bench/archive_bench.sh (Archives/ArchiveBenchmarkProgram.cs). Everything else goes to
// BenchmarkDotNet, where every benchmark class is selectable: `dotnet run -c Release -- --filter '*Version*'`.
if (ArchiveBenchmarkProgram.Handles(args))
{
    return await ArchiveBenchmarkProgram.RunAsync(args);
}

if (LockingBenchmarkProgram.Handles(args))
{
    return await LockingBenchmarkProgram.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
