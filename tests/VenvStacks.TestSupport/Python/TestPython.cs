using System.Globalization;

namespace VenvStacks.TestSupport.Python;

/// <summary>
/// A real CPython on this machine, found by <see cref="TestPythonSearch"/> (see there for the order). The facts are
/// what the interpreter itself reported when it was run.
/// </summary>
/// <param name="Executable">The interpreter (<c>sys.executable</c>: a PATH shim is resolved to the real program).</param>
/// <param name="Version">The exact version, <c>X.Y.Z</c>.</param>
/// <param name="Prefix">The installation it belongs to (<c>sys.base_prefix</c>, also for a venv's interpreter).</param>
/// <param name="BundledWheelsDirectory">ensurepip's wheel folder when it holds a pip wheel, else null (distribution
/// Pythons leave it out).</param>
/// <param name="IncludeDirectory">The folder holding <c>Python.h</c>, or null when the headers are not installed.</param>
/// <param name="ExtensionSuffix">The extension module suffix (<c>sysconfig EXT_SUFFIX</c>), for example
/// <c>.cpython-311-x86_64-linux-gnu.so</c>.</param>
/// <param name="HasPip">Whether pip is importable.</param>
/// <param name="FoundAs">The candidate that led to it (a path on PATH, a pyenv folder, or the configured variable).</param>
public sealed record TestPython(
    string Executable,
    string Version,
    string Prefix,
    string? BundledWheelsDirectory,
    string? IncludeDirectory,
    string ExtensionSuffix,
    bool HasPip,
    string FoundAs)
{
    /// <summary>Environment variable naming the interpreter to prefer (see <see cref="TestPythonSearch"/>).</summary>
    public const string EnvironmentVariable = "VENVSTACKS_TEST_PYTHON";

    /// <summary>The major version.</summary>
    public int Major => int.Parse(Version.Split('.')[0], CultureInfo.InvariantCulture);

    /// <summary>The minor version.</summary>
    public int Minor => int.Parse(Version.Split('.')[1], CultureInfo.InvariantCulture);

    /// <summary><c>X.Y</c>.</summary>
    public string MinorVersion => $"{Major}.{Minor}";

    /// <summary>The CPython interpreter and ABI tag, <c>cpXY</c> (for example <c>cp311</c>).</summary>
    public string CPythonTag => $"cp{Major}{Minor}";

    /// <summary>Whether the installation is its own prefix with ensurepip's wheels (see
    /// <see cref="TestPythonNeeds.BundledWheels"/>).</summary>
    public bool IsSelfContained =>
        BundledWheelsDirectory is not null &&
        !Prefix.Equals("/usr", StringComparison.Ordinal) &&
        File.Exists(OperatingSystem.IsWindows()
            ? Path.Combine(Prefix, "python.exe")
            : Path.Combine(Prefix, "bin", "python" + MinorVersion));

    /// <summary>The wheels ensurepip bundles (pip, and setuptools up to 3.11), or none.</summary>
    public IReadOnlyList<string> BundledWheels => BundledWheelsDirectory is null
        ? []
        : Directory.EnumerateFiles(BundledWheelsDirectory, "*.whl").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether this interpreter has everything in <paramref name="needs"/>.</summary>
    public bool Satisfies(TestPythonNeeds needs) =>
        (!needs.HasFlag(TestPythonNeeds.Pip) || HasPip) &&
        (!needs.HasFlag(TestPythonNeeds.Headers) || IncludeDirectory is not null) &&
        (!needs.HasFlag(TestPythonNeeds.BundledWheels) || IsSelfContained);

    /// <summary>The first interpreter on this machine that fits, in the order of <see cref="TestPythonSearch"/>; null
    /// when there is none.</summary>
    public static TestPython? Find(PythonRequest request, TestPythonNeeds needs = TestPythonNeeds.None) =>
        TestPythonSearch.FromEnvironment().Find(request, needs);

    /// <summary>Every interpreter on this machine that fits, in search order.</summary>
    public static IEnumerable<TestPython> FindAll(PythonRequest request, TestPythonNeeds needs = TestPythonNeeds.None) =>
        TestPythonSearch.FromEnvironment().FindAll(request, needs);

    /// <summary>Why a test needing such a Python is skipped on this machine, or null when one exists.</summary>
    public static string? SkipReason(PythonRequest request, TestPythonNeeds needs = TestPythonNeeds.None)
    {
        var search = TestPythonSearch.FromEnvironment();
        return search.Find(request, needs) is null ? search.DescribeMissing(request, needs) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"CPython {Version} ({Executable})";
}
