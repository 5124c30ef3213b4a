namespace VenvStacks.Core.Deployment;

/// <summary>How one run of a layer's <c>postinstall.py</c> ended.</summary>
/// <param name="Python">The interpreter that ran it.</param>
/// <param name="Script">The script.</param>
/// <param name="ExitCode">The exit code (0: done).</param>
/// <param name="StandardOutput">What it printed (compileall reports files it cannot compile here).</param>
/// <param name="StandardError">Its warnings and errors.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record PostInstallRun(string Python, string Script, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Whether the script succeeded.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The end of its error output (the message or traceback), for a diagnostic.</summary>
    public string ErrorSummary
    {
        get
        {
            var lines = StandardError.TrimEnd().Split('\n');
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 10))).TrimEnd();
        }
    }
}
