using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VenvStacks.TestSupport.Python;

/// <summary>
/// Finds a CPython for tests, in this order (the same order as <c>build/make-test-runtime.sh</c> and
/// <c>build/demo.sh</c>):
/// <list type="number">
/// <item><c>$VENVSTACKS_TEST_PYTHON</c>, when it fits the request;</item>
/// <item>on PATH: <c>pythonX.Y</c> then <c>python3</c> for one minor version; <c>python3</c> then <c>python3.11</c>,
/// <c>python3.12</c>, ... for "X.Y or newer" (each is run to learn its version, so a pyenv shim that cannot run
/// that version is passed over);</item>
/// <item>pyenv: <c>$PYENV_ROOT</c>, else <c>~/.pyenv</c>; <c>versions/X.Y.Z</c>, newest patch first (for "or newer":
/// the lowest fitting minor version first).</item>
/// </list>
/// A candidate is taken when it runs, is CPython of a fitting version, and has the <see cref="TestPythonNeeds"/>.
/// </summary>
/// <param name="ConfiguredPython">The value of <c>$VENVSTACKS_TEST_PYTHON</c>, if any.</param>
/// <param name="PathDirectories">The folders of PATH, in order.</param>
/// <param name="PyenvRoot">The pyenv root, if any.</param>
public sealed partial record TestPythonSearch(string? ConfiguredPython, IReadOnlyList<string> PathDirectories, string? PyenvRoot)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    // Asking an interpreter costs a process start; what an executable reports does not change during a test run.
    private static readonly ConcurrentDictionary<string, Lazy<TestPython?>> Probes = new(StringComparer.Ordinal);

    private const string ProbeScript = """
        import importlib.util, json, os, sys, sysconfig
        spec = importlib.util.find_spec("ensurepip")
        bundled = os.path.join(os.path.dirname(spec.origin), "_bundled") if spec and spec.origin else None
        print(json.dumps({
            "implementation": sys.implementation.name,
            "executable": sys.executable,
            "version": "%d.%d.%d" % sys.version_info[:3],
            "prefix": sys.base_prefix,
            "bundled": bundled,
            "include": sysconfig.get_paths().get("include"),
            "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX") or "",
            "pip": importlib.util.find_spec("pip") is not None,
        }))
        """;

    /// <summary>The search this process's environment describes.</summary>
    public static TestPythonSearch FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(TestPython.EnvironmentVariable);
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT");
        if (string.IsNullOrWhiteSpace(pyenvRoot))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            pyenvRoot = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".pyenv");
        }

        return new TestPythonSearch(string.IsNullOrWhiteSpace(configured) ? null : configured, path, pyenvRoot);
    }

    /// <summary>The interpreters to try for <paramref name="request"/>, in order, before running any of them.</summary>
    public IReadOnlyList<string> Candidates(PythonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = new List<string>();
        if (ConfiguredPython is not null)
        {
            candidates.Add(ConfiguredPython);
        }

        foreach (var name in PathNames(request))
        {
            var found = PathDirectories.Select(d => Path.Combine(d, name)).FirstOrDefault(IsExecutableFile);
            if (found is not null)
            {
                candidates.Add(found);
            }
        }

        candidates.AddRange(PyenvCandidates(request));
        return candidates.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every fitting interpreter, in search order (each real interpreter once).</summary>
    public IEnumerable<TestPython> FindAll(PythonRequest request, TestPythonNeeds needs = TestPythonNeeds.None)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in Candidates(request))
        {
            var python = Probe(candidate);
            if (python is not null && request.Accepts(python.Major, python.Minor) && python.Satisfies(needs) &&
                seen.Add(python.Executable))
            {
                yield return python;
            }
        }
    }

    /// <summary>The first fitting interpreter, or null.</summary>
    public TestPython? Find(PythonRequest request, TestPythonNeeds needs = TestPythonNeeds.None) =>
        FindAll(request, needs).FirstOrDefault();

    /// <summary>A skip message saying what was looked for and where.</summary>
    public string DescribeMissing(PythonRequest request, TestPythonNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = needs == TestPythonNeeds.None ? string.Empty : $" with {needs}";
        var tried = Candidates(request);
        var pyenv = PyenvRoot is null ? "no pyenv root" : $"pyenv {Path.Combine(PyenvRoot, "versions")}";
        return $"No CPython {request}{wanted} found. Looked at ${TestPython.EnvironmentVariable}, " +
            $"{string.Join(" and ", PathNames(request).Take(2))} on PATH, {pyenv}" +
            (tried.Count == 0 ? " (no candidates)." : $"; tried {string.Join(", ", tried)}.") +
            $" Set {TestPython.EnvironmentVariable} or install one with pyenv.";
    }

    /// <summary>Runs a candidate once per process and reads what it reports; null when it does not run or is not
    /// CPython.</summary>
    public static TestPython? Probe(string candidate) =>
        Probes.GetOrAdd(candidate, c => new Lazy<TestPython?>(() => ProbeNow(c))).Value;

    private static TestPython? ProbeNow(string candidate)
    {
        // Python's own variables would point the candidate at another installation.
        var environment = new Dictionary<string, string?> { ["PYTHONHOME"] = null, ["PYTHONPATH"] = null };
        var output = ExternalProcess.TryRunAsync(candidate, ["-I", "-c", ProbeScript], environment, ProbeTimeout)
            .GetAwaiter().GetResult();
        if (output is not { Succeeded: true })
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(output.StandardOutput);
            var root = document.RootElement;
            if (root.GetProperty("implementation").GetString() != "cpython")
            {
                return null;
            }

            var bundled = root.GetProperty("bundled").GetString();
            var include = root.GetProperty("include").GetString();
            return new TestPython(
                root.GetProperty("executable").GetString()!,
                root.GetProperty("version").GetString()!,
                root.GetProperty("prefix").GetString()!,
                bundled is not null && Directory.Exists(bundled) && Directory.EnumerateFiles(bundled, "pip-*.whl").Any() ? bundled : null,
                include is not null && File.Exists(Path.Combine(include, "Python.h")) ? include : null,
                root.GetProperty("ext_suffix").GetString()!,
                root.GetProperty("pip").GetBoolean(),
                candidate);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> PathNames(PythonRequest request)
    {
        var suffix = OperatingSystem.IsWindows() ? ".exe" : string.Empty;
        var exact = $"python{request.Major}.{request.Minor}{suffix}";
        var generic = $"python{request.Major}{suffix}";
        if (!request.OrNewer)
        {
            return [exact, generic];
        }

        var newer = Enumerable.Range(request.Minor, Math.Max(0, PythonRequest.NewestKnownMinor - request.Minor + 1))
            .Select(m => $"python{request.Major}.{m}{suffix}");
        return [generic, .. newer];
    }

    private IEnumerable<string> PyenvCandidates(PythonRequest request)
    {
        var versions = PyenvRoot is null ? null : Path.Combine(PyenvRoot, "versions");
        if (versions is null || !Directory.Exists(versions))
        {
            return [];
        }

        return Directory.EnumerateDirectories(versions)
            .Select(d => (Folder: d, Match: PyenvVersion().Match(Path.GetFileName(d))))
            .Where(v => v.Match.Success)
            .Select(v => (v.Folder, Major: Number(v.Match, 1), Minor: Number(v.Match, 2), Patch: Number(v.Match, 3)))
            .Where(v => request.Accepts(v.Major, v.Minor))
            .OrderBy(v => v.Minor)
            .ThenByDescending(v => v.Patch)
            .Select(v => OperatingSystem.IsWindows()
                ? Path.Combine(v.Folder, "python.exe")
                : Path.Combine(v.Folder, "bin", $"python{v.Major}.{v.Minor}"))
            .Where(IsExecutableFile)
            .ToArray();

        static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) &&
        (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    [GeneratedRegex(@"^(\d+)\.(\d+)\.(\d+)$")]
    private static partial Regex PyenvVersion();
}
