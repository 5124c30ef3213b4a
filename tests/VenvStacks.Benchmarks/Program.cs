using BenchmarkDotNet.Running;
using VenvStacks.Benchmarks.Locking;
using VenvStacks.Benchmarks.Publishing;

// `--publish` times one layer published through PublishEngine (Publishing/PublishBenchmarkProgram.cs, for
// build/bench/publish_bench.sh).
if (PublishBenchmarkProgram.Handles(args))
{
    return await PublishBenchmarkProgram.RunAsync(args);
}

// `--locking` runs the end-to-end locking measurement (Locking/LockingBenchmarkProgram.cs). Everything else goes to
// BenchmarkDotNet, where every benchmark class is selectable: `dotnet run -c Release -- --filter '*Version*'`.
if (LockingBenchmarkProgram.Handles(args))
{
    return await LockingBenchmarkProgram.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
