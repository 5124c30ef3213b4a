using System.Diagnostics;
using System.Text;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>
/// Runs the real <c>dotnet</c> CLI as a child process, the way a user would, but hermetically: no node reuse, no
/// build server, no telemetry, English messages, a private packages folder, a binary log, and a time limit after
/// which the whole process tree is killed so a hung build never outlives the test.
/// </summary>
public static class DotnetCli
{
    /// <summary>Arguments every MSBuild-based command gets: no node or compiler servers left running, plain console log.</summary>
    public static IReadOnlyList<string> HermeticMSBuildArguments { get; } =
        ["-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"];

    /// <summary>Runs the invocation to completion (or to its time limit) and returns what happened.</summary>
    public static async Task<DotnetResult> RunAsync(DotnetInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var startInfo = CreateStartInfo(invocation);
        var combined = new StringBuilder();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        var gate = new object();

        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data, standardOutput);
        process.ErrorDataReceived += (_, e) => Append(e.Data, standardError);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        // Nobody answers prompts in a test: end of input right away, so a child that asks fails instead of hanging.
        process.StandardInput.Close();
        invocation.Started?.Invoke(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(invocation.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (!timedOut)
            {
                throw;
            }
        }

        // The parameterless wait also drains the asynchronous output readers.
        process.WaitForExit();
        stopwatch.Stop();

        string Snapshot(StringBuilder builder)
        {
            lock (gate)
            {
                return builder.ToString();
            }
        }

        return new DotnetResult(
            invocation,
            timedOut ? -1 : process.ExitCode,
            timedOut,
            Snapshot(standardOutput),
            Snapshot(standardError),
            Snapshot(combined),
            stopwatch.Elapsed);

        void Append(string? line, StringBuilder stream)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                stream.AppendLine(line);
                combined.AppendLine(line);
            }
        }
    }

    private static ProcessStartInfo CreateStartInfo(DotnetInvocation invocation)
    {
        var startInfo = new ProcessStartInfo(DotnetExecutable)
        {
            WorkingDirectory = invocation.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in invocation.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (invocation.BinlogPath is not null)
        {
            startInfo.ArgumentList.Add("-bl:" + invocation.BinlogPath);
        }

        var environment = startInfo.Environment;
        // A test run is itself launched by MSBuild (dotnet test), which exports variables pointing the child at the
        // parent's MSBuild and SDK resolver state; the child must resolve everything afresh, like a user's shell.
        foreach (var name in environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (invocation.NuGetPackagesDirectory is not null)
        {
            environment["NUGET_PACKAGES"] = invocation.NuGetPackagesDirectory;
        }

        foreach (var (name, value) in invocation.Environment)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        return startInfo;
    }

    private static bool IsInheritedBuildVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet host running the tests (so the child uses the same installation), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetExecutable
    {
        get
        {
            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the time-out and the kill.
        }
    }
}
