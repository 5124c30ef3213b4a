using System.Diagnostics;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>
/// The machine's <c>python3</c> from PATH, run once to learn its real executable, version and standard library (pyenv's
/// shims are scripts, so the link must point at the interpreter they start). Usable only on Linux, and only when its
/// standard library has no <c>sitecustomize.py</c> of its own (Debian's would shadow the layer's).
/// </summary>
internal sealed record HostPython(string Executable, int Major, int Minor, string StandardLibrary)
{
    private static readonly Lazy<(HostPython? Python, string? SkipReason)> Found = new(Find);

    public static HostPython? Instance => Found.Value.Python;

    public static string? SkipReason => Found.Value.SkipReason;

    private static (HostPython?, string?) Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "Running a layer's bin/python wrapper needs a Linux host.");
        }

        var python3 = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "python3"))
            .FirstOrDefault(File.Exists);
        if (python3 is null)
        {
            return (null, "No python3 on PATH.");
        }

        var start = new ProcessStartInfo(python3)
        {
            ArgumentList = { "-c", "import os, sys, sysconfig; print(os.path.realpath(sys.executable)); print(sys.version_info[0]); print(sys.version_info[1]); print(sysconfig.get_paths()['stdlib'])" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            return (null, "python3 did not answer.");
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length != 4)
        {
            return (null, "python3 could not describe itself.");
        }

        if (File.Exists(Path.Combine(lines[3], "sitecustomize.py")))
        {
            return (null, $"{lines[0]} has its own sitecustomize.py, which would shadow the layer's.");
        }

        return (new HostPython(lines[0], int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(lines[2], System.Globalization.CultureInfo.InvariantCulture), lines[3]), null);
    }
}

/// <summary>A fact that runs only where <see cref="HostPython"/> is usable.</summary>
internal sealed class HostPythonFactAttribute : FactAttribute
{
    public HostPythonFactAttribute()
    {
        if (HostPython.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
