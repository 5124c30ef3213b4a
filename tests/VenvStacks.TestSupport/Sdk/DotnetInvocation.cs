namespace VenvStacks.TestSupport.Sdk;

/// <summary>One run of the <c>dotnet</c> CLI: what to run, where, and with which private packages folder.</summary>
/// <param name="Arguments">Arguments after <c>dotnet</c>, e.g. <c>build stack.venvproj -t:ShowLayers</c>.</param>
/// <param name="WorkingDirectory">The folder the command runs in.</param>
/// <param name="BinlogPath">Where <c>-bl:</c> writes the binary log; null runs without one.</param>
/// <param name="NuGetPackagesDirectory">Value of <c>NUGET_PACKAGES</c>; null keeps the caller's packages folder.</param>
/// <param name="Timeout">After this the whole process tree is killed and the run fails.</param>
public sealed record DotnetInvocation(
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    string? BinlogPath,
    string? NuGetPackagesDirectory,
    TimeSpan Timeout)
{
    /// <summary>Default time limit of one command; generous because a cold restore on a busy 2-core machine is slow.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Extra environment variables for this run (null value removes a variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Called with the child process right after it started (e.g. to signal it while it runs).</summary>
    public Action<System.Diagnostics.Process>? Started { get; init; }
}
