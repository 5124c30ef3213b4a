using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Deployment;

/// <summary>
/// Runs a deployed layer's <c>postinstall.py</c> as venvstacks does after a local export
/// (docs/venvstacks-reference.md §5): <c>&lt;python&gt; -X utf8 -I &lt;layer&gt;/postinstall.py</c>, isolated from the
/// user's Python settings, in the layer folder. Canceling kills the process tree.
/// </summary>
public static class PostInstallRunner
{
    /// <summary>Runs the script of the layer in <paramref name="layerPath"/> with <paramref name="python"/>.</summary>
    /// <param name="python">Any Python 3.11 or later that runs on this machine.</param>
    /// <param name="layerPath">The deployed layer folder holding <c>postinstall.py</c>.</param>
    /// <param name="environment">The child's complete environment, or null to inherit this process's.</param>
    /// <param name="cancellationToken">Kills the script when canceled.</param>
    /// <returns>How it ended; a non-zero exit code is not an exception.</returns>
    /// <exception cref="DeploymentException">VSTK4024: <paramref name="python"/> cannot be started.</exception>
    public static async Task<PostInstallRun> RunAsync(
        string python,
        string layerPath,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(python);
        ArgumentException.ThrowIfNullOrEmpty(layerPath);
        var script = Path.Combine(layerPath, PostInstallScript.FileName);
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-X", "utf8", "-I", script },
            WorkingDirectory = layerPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{python} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new DeploymentException(
                DiagnosticCodes.PostInstallFailed,
                $"Cannot run {script} with {python}: {ex.Message}",
                script,
                ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            return new PostInstallRun(
                python,
                script,
                process.ExitCode,
                await output.ConfigureAwait(false),
                await errors.ConfigureAwait(false),
                clock.Elapsed);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the cancellation and the kill.
        }
    }
}
