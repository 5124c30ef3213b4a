using System.Diagnostics;
using System.Text.Json;
using VenvStacks.TestSupport.Python;

namespace VenvStacks.TestSupport.IndexServer;

/// <summary>
/// Runs the machine's pip (23.2 on the build machine) as an independent oracle against a <see cref="LocalIndexServer"/>:
/// isolated from user configuration (<c>PIP_CONFIG_FILE</c> set to the null device, other <c>PIP_*</c> and proxy
/// variables removed, no cache, no version check), so it only ever talks to the loopback index it is given.
/// </summary>
public sealed class PipRunner
{
    /// <summary>Environment variable naming the Python interpreter whose pip to use.</summary>
    public const string PythonVariable = TestPython.EnvironmentVariable;

    private PipRunner(string python) => Python = python;

    /// <summary>The interpreter that runs <c>-m pip</c>.</summary>
    public string Python { get; }

    /// <summary>A runner for the first CPython 3.11 or newer whose pip runs, in the order of
    /// <see cref="TestPythonSearch"/> (<c>$VENVSTACKS_TEST_PYTHON</c>, PATH, pyenv); null when there is none.</summary>
    public static PipRunner? Find() =>
        TestPython.FindAll(PythonRequest.Any, TestPythonNeeds.Pip)
            .Where(python => HasPip(python.Executable))
            .Select(python => new PipRunner(python.Executable))
            .FirstOrDefault();

    /// <summary>Runs <c>python -m pip {arguments}</c> with the isolated environment.</summary>
    public async Task<PipResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-m");
        start.ArgumentList.Add("pip");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("PIP_", StringComparison.OrdinalIgnoreCase) ||
                name.EndsWith("_PROXY", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("PYTHON", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["PIP_CONFIG_FILE"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        start.Environment["PIP_NO_INPUT"] = "1";
        start.Environment["PIP_NO_CACHE_DIR"] = "1";
        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        start.Environment["PYTHONNOUSERSITE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + Python);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new PipResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>
    /// <c>pip install --dry-run --ignore-installed --report</c>: what pip would install from <paramref name="indexUrl"/>
    /// (and nothing else), for the running interpreter.
    /// </summary>
    /// <param name="indexUrl">The simple index root, for example <see cref="LocalIndexServer.SimpleUri"/>.</param>
    /// <param name="requirements">Requirements and extra pip options.</param>
    /// <returns>The resolved distributions.</returns>
    /// <exception cref="InvalidOperationException">pip failed; the message has its output.</exception>
    public async Task<IReadOnlyList<PipReportItem>> ResolveAsync(Uri indexUrl, params string[] requirements)
    {
        var report = Path.Combine(Path.GetTempPath(), "pip-report-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var result = await RunAsync(
            [
                "install", "--dry-run", "--ignore-installed", "--quiet", "--report", report,
                "--index-url", indexUrl.AbsoluteUri, .. requirements,
            ]).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"pip failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
            }

            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(report).ConfigureAwait(false));
            return document.RootElement.GetProperty("install").EnumerateArray().Select(item =>
            {
                var metadata = item.GetProperty("metadata");
                var download = item.GetProperty("download_info");
                var hashes = download.TryGetProperty("archive_info", out var archive) && archive.TryGetProperty("hashes", out var h)
                    ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
                    : new Dictionary<string, string>();
                return new PipReportItem(
                    metadata.GetProperty("name").GetString()!,
                    metadata.GetProperty("version").GetString()!,
                    new Uri(download.GetProperty("url").GetString()!),
                    hashes.GetValueOrDefault("sha256"));
            }).ToArray();
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static bool HasPip(string python)
    {
        try
        {
            var start = new ProcessStartInfo(python, ["-m", "pip", "--version"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
