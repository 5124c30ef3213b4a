using System.Text;
using Shouldly;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>What one <c>dotnet</c> run did: exit code, console text and, when one was written, its parsed binary log.</summary>
public sealed class DotnetResult
{
    private readonly Lazy<BuildLog> _log;

    internal DotnetResult(
        DotnetInvocation invocation,
        int exitCode,
        bool timedOut,
        string standardOutput,
        string standardError,
        string output,
        TimeSpan elapsed)
    {
        Invocation = invocation;
        ExitCode = exitCode;
        TimedOut = timedOut;
        StandardOutput = standardOutput;
        StandardError = standardError;
        Output = output;
        Elapsed = elapsed;
        _log = new Lazy<BuildLog>(() => BuildLog.Read(
            invocation.BinlogPath ?? throw new InvalidOperationException("This run was started without a binary log.")));
    }

    /// <summary>The command that ran.</summary>
    public DotnetInvocation Invocation { get; }

    /// <summary>The process exit code; -1 when the run was killed at its time limit.</summary>
    public int ExitCode { get; }

    /// <summary>True when the run hit its time limit and its process tree was killed.</summary>
    public bool TimedOut { get; }

    /// <summary>Everything written to standard output.</summary>
    public string StandardOutput { get; }

    /// <summary>Everything written to standard error.</summary>
    public string StandardError { get; }

    /// <summary>Standard output and error interleaved in arrival order: what a user would have seen.</summary>
    public string Output { get; }

    /// <summary>Wall-clock duration of the run (reported, never asserted on).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Path of the binary log, if the run wrote one.</summary>
    public string? BinlogPath => Invocation.BinlogPath;

    /// <summary>The binary log, parsed on first use.</summary>
    public BuildLog Log => _log.Value;

    /// <summary>Asserts exit code 0, showing the whole run in the failure message otherwise.</summary>
    public DotnetResult ShouldSucceed()
    {
        TimedOut.ShouldBeFalse(Describe());
        ExitCode.ShouldBe(0, Describe());
        return this;
    }

    /// <summary>Asserts a non-zero exit code that is not a time-out, showing the whole run otherwise.</summary>
    public DotnetResult ShouldFail()
    {
        TimedOut.ShouldBeFalse(Describe());
        ExitCode.ShouldNotBe(0, Describe());
        return this;
    }

    /// <summary>A readable account of the run for failure messages: command, outcome, binlog path and the console text.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("dotnet ").AppendJoin(' ', Invocation.Arguments).AppendLine();
        text.Append("  in ").AppendLine(Invocation.WorkingDirectory);
        text.Append("  exit code ").Append(ExitCode).Append(TimedOut ? " (killed at time limit)" : string.Empty)
            .Append(" after ").Append(Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(" s");
        if (BinlogPath is not null)
        {
            text.Append("  binlog ").AppendLine(BinlogPath);
        }

        text.AppendLine("---- output ----").Append(Output).AppendLine("---- end of output ----");
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}
