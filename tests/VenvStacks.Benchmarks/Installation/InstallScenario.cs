namespace VenvStacks.Benchmarks.Installation;

/// <summary>One measured way of installing the wheel set into a fresh venv.</summary>
/// <param name="Name">The row label.</param>
/// <param name="IsPip">Whether pip (rather than our installer) does the work.</param>
/// <param name="Source">Where the wheels come from: <c>index</c> (HTTP on 127.0.0.1) or <c>local</c> (files).</param>
/// <param name="Cache">The download cache state: <c>cold</c> (empty), <c>warm</c> (primed) or <c>-</c> (local files).</param>
/// <param name="Compile">For pip: whether it compiles bytecode (its default).</param>
internal sealed record InstallScenario(string Name, bool IsPip, string Source, string Cache, bool Compile = true)
{
    public static IReadOnlyList<InstallScenario> All { get; } =
    [
        new("venvstacks-sdk, index, cold cache", false, "index", "cold"),
        new("venvstacks-sdk, index, warm cache", false, "index", "warm"),
        new("venvstacks-sdk, local wheels", false, "local", "-"),
        new("pip, index, cold cache", true, "index", "cold"),
        new("pip, index, warm cache", true, "index", "warm"),
        new("pip, local wheels", true, "local", "-"),
        new("pip --no-compile, index, cold cache", true, "index", "cold", Compile: false),
        new("pip --no-compile, index, warm cache", true, "index", "warm", Compile: false),
        new("pip --no-compile, local wheels", true, "local", "-", Compile: false),
    ];

    /// <summary>The pip row with the same source and cache state (pip's default, compiling bytecode).</summary>
    public InstallScenario PipCounterpart => All.First(s => s.IsPip && s.Compile && s.Source == Source && s.Cache == Cache);
}
