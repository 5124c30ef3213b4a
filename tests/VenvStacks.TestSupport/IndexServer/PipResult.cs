namespace VenvStacks.TestSupport.IndexServer;

/// <summary>The outcome of a pip run.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">What pip printed.</param>
/// <param name="StandardError">What pip printed on stderr.</param>
public sealed record PipResult(int ExitCode, string StandardOutput, string StandardError);
