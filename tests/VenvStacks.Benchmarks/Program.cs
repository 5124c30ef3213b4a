using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is selectable: `dotnet run -c Release -- --filter '*Version*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
