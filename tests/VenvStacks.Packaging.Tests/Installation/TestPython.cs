using System.Diagnostics;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>
/// The Python these tests check installations with: <c>$VENVSTACKS_TEST_PYTHON</c>, else <c>python3</c> on PATH, else
/// the newest <c>~/.pyenv/versions/*/bin/python3</c>; plus the real wheels it bundles for <c>ensurepip</c>. Kept small
/// and private to this folder so that a shared discovery class can replace it.
/// </summary>
internal sealed class TestPython
{
    private const string Variable = "VENVSTACKS_TEST_PYTHON";

    private static readonly Lazy<TestPython?> Found = new(Find);

    private TestPython(string executable, string bundledWheels)
    {
        Executable = executable;
        BundledWheels = bundledWheels;
    }

    /// <summary>The interpreter, or null when none was found.</summary>
    public static TestPython? Instance => Found.Value;

    /// <summary>Why Python tests are skipped, or null when a Python is available.</summary>
    public static string? SkipReason => Instance is null
        ? $"No Python with ensurepip wheels found (set {Variable}, put python3 on PATH, or install one under ~/.pyenv/versions)."
        : null;

    /// <summary>The interpreter path.</summary>
    public string Executable { get; }

    /// <summary>The <c>ensurepip/_bundled</c> folder with its pip and setuptools wheels.</summary>
    public string BundledWheels { get; }

    /// <summary>The bundled wheel whose file name starts with <paramref name="project"/>-.</summary>
    public string Wheel(string project) =>
        Directory.EnumerateFiles(BundledWheels, project + "-*.whl").Single();

    /// <summary>Runs <paramref name="executable"/> isolated from user configuration; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("PIP_", StringComparison.Ordinal) || n.StartsWith("PYTHON", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PIP_CONFIG_FILE"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        start.Environment["PIP_NO_INDEX"] = "1";
        start.Environment["PYTHONNOUSERSITE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Creates a virtual environment without pip at <paramref name="folder"/>; returns its interpreter.</summary>
    public async Task<string> CreateVenvAsync(string folder)
    {
        var (exitCode, output) = await RunAsync(Executable, "-m", "venv", "--without-pip", folder);
        exitCode.ShouldBe(0, output);
        return OperatingSystem.IsWindows() ? Path.Combine(folder, "Scripts", "python.exe") : Path.Combine(folder, "bin", "python");
    }

    private static TestPython? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var candidates = string.IsNullOrWhiteSpace(configured) ? OnPath().Concat(Pyenv()) : [configured];
        foreach (var candidate in candidates)
        {
            if (BundledFolder(candidate) is { } bundled)
            {
                return new TestPython(candidate, bundled);
            }
        }

        return null;
    }

    private static IEnumerable<string> OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "python.exe" : "python3"))
            .Where(File.Exists);

    private static IEnumerable<string> Pyenv()
    {
        var versions = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions");
        return Directory.Exists(versions)
            ? Directory.EnumerateDirectories(versions).OrderByDescending(v => Version.TryParse(Path.GetFileName(v), out var parsed) ? parsed : new Version()).Select(v => Path.Combine(v, "bin", "python3")).Where(File.Exists)
            : [];
    }

    private static string? BundledFolder(string python)
    {
        try
        {
            var (exitCode, output) = RunAsync(python, "-c", "import ensurepip, os; print(os.path.join(os.path.dirname(ensurepip.__file__), '_bundled'))")
                .GetAwaiter().GetResult();
            var folder = output.Trim();
            return exitCode == 0 && Directory.Exists(folder) && Directory.EnumerateFiles(folder, "pip-*.whl").Any() ? folder : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>A fact that needs <see cref="TestPython"/>; skipped with the reason where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TestPythonFactAttribute : FactAttribute
{
    public TestPythonFactAttribute() => Skip = TestPython.SkipReason!;
}

/// <summary>A fact about POSIX file modes; skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute() => Skip = OperatingSystem.IsWindows() ? "POSIX file modes only" : null!;
}
