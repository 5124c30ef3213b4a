namespace VenvStacks.TestSupport.Python;

/// <summary>How an <see cref="ExternalProcess"/> ended.</summary>
/// <param name="FileName">The program that ran.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="ExitCode">The exit code (-1 when it was killed at its time limit).</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
/// <param name="TimedOut">Whether it was killed at its time limit.</param>
public sealed record ProcessOutput(
    string FileName,
    IReadOnlyList<string> Arguments,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    bool TimedOut)
{
    /// <summary>Whether it exited with code 0 within its time limit.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command line and both output streams, for assertion and exception messages.</summary>
    public string Describe() =>
        $"{FileName} {string.Join(' ', Arguments)}\nexit code {ExitCode}{(TimedOut ? " (timed out)" : string.Empty)}\n" +
        $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";

    /// <summary>This output when the process succeeded.</summary>
    /// <exception cref="InvalidOperationException">It failed; the message has <see cref="Describe"/>.</exception>
    public ProcessOutput EnsureSuccess(string what) =>
        Succeeded ? this : throw new InvalidOperationException($"{what} failed:\n{Describe()}");
}
