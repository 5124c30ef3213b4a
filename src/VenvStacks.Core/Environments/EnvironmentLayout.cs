using VenvStacks.Packaging.Installation;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Where things are inside one layer folder for a target operating system and Python X.Y (docs/venvstacks-reference.md
/// §3.1). Runtime layers have python-build-standalone's layout (POSIX <c>bin/python</c>, Windows <c>python.exe</c> at
/// the root); framework and application layers have the stdlib <c>venv</c> layout (<c>bin</c> or <c>Scripts</c>).
/// Site-packages is the <c>venv</c> scheme's <c>purelib</c> (which is also <c>platlib</c>) for both kinds, as venvstacks
/// computes it.
/// </summary>
public sealed record EnvironmentLayout
{
    private EnvironmentLayout(TargetOperatingSystem operatingSystem, int major, int minor, bool isRuntime)
    {
        OperatingSystem = operatingSystem;
        PythonVersion = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{major}.{minor}");
        PythonMinor = minor;
        IsRuntime = isRuntime;
        var windows = operatingSystem == TargetOperatingSystem.Windows;
        var pythonXY = "python" + PythonVersion;
        ScriptsDirectory = LayerRelativePath.Of(windows ? "Scripts" : "bin");
        Python = windows
            ? (isRuntime ? LayerRelativePath.Of("python.exe") : ScriptsDirectory.Append("python.exe"))
            : ScriptsDirectory.Append("python");
        SitePackages = windows ? LayerRelativePath.Of("Lib", "site-packages") : LayerRelativePath.Of("lib", pythonXY, "site-packages");
        DynlibDirectory = windows ? LayerRelativePath.Of("Library", "bin") : LayerRelativePath.Of("share", "venv", "dynlib");
        IncludeDirectory = windows ? LayerRelativePath.Of("Include") : LayerRelativePath.Of("include", pythonXY);

        // pip's header location inside virtual environments; a base installation uses its own include folder.
        HeadersDirectory = isRuntime ? IncludeDirectory : LayerRelativePath.Of("include", "site", pythonXY);
    }

    /// <summary>The layer's target operating system.</summary>
    public TargetOperatingSystem OperatingSystem { get; }

    /// <summary>The runtime's <c>X.Y</c>.</summary>
    public string PythonVersion { get; }

    /// <summary>The runtime's minor version (the <c>Y</c> of <c>python3.Y</c>).</summary>
    public int PythonMinor { get; }

    /// <summary>Whether this is a runtime layer's layout (otherwise a layered virtual environment's).</summary>
    public bool IsRuntime { get; }

    /// <summary>Whether the layer runs on Windows.</summary>
    public bool IsWindows => OperatingSystem == TargetOperatingSystem.Windows;

    /// <summary>The layer's Python: <c>bin/python</c>, <c>python.exe</c> (Windows runtime) or <c>Scripts\python.exe</c>.</summary>
    public LayerRelativePath Python { get; }

    /// <summary>The folder of console scripts (pruned after every build): <c>bin</c> or <c>Scripts</c>.</summary>
    public LayerRelativePath ScriptsDirectory { get; }

    /// <summary><c>lib/pythonX.Y/site-packages</c> or <c>Lib\site-packages</c>.</summary>
    public LayerRelativePath SitePackages { get; }

    /// <summary>The folder other layers add to the library search path: <c>share/venv/dynlib</c> or <c>Library\bin</c>.</summary>
    public LayerRelativePath DynlibDirectory { get; }

    /// <summary>The include folder the stdlib <c>venv</c> creates: <c>include/pythonX.Y</c> or <c>Include</c>.</summary>
    public LayerRelativePath IncludeDirectory { get; }

    /// <summary>Where wheels' <c>.data/headers</c> go, before the distribution name is appended.</summary>
    public LayerRelativePath HeadersDirectory { get; }

    /// <summary>The deployed layer configuration, <c>share/venv/metadata/venvstacks_layer.json</c>.</summary>
    public LayerRelativePath LayerConfig { get; } = LayerRelativePath.Of("share", "venv", "metadata", "venvstacks_layer.json");

    /// <summary>The virtual environment configuration at the layer root (layered layers only).</summary>
    public LayerRelativePath PyvenvConfig { get; } = LayerRelativePath.Of("pyvenv.cfg");

    /// <summary>The generated <c>sitecustomize.py</c> in the layer's site-packages.</summary>
    public LayerRelativePath SiteCustomize => SitePackages.Append("sitecustomize.py");

    /// <summary>The layout of a runtime layer.</summary>
    public static EnvironmentLayout ForRuntime(TargetOperatingSystem operatingSystem, PythonImplementation python)
    {
        ArgumentNullException.ThrowIfNull(python);
        return new EnvironmentLayout(operatingSystem, python.Major, python.Minor, isRuntime: true);
    }

    /// <summary>The layout of a framework or application layer.</summary>
    public static EnvironmentLayout ForLayered(TargetOperatingSystem operatingSystem, PythonImplementation python)
    {
        ArgumentNullException.ThrowIfNull(python);
        return new EnvironmentLayout(operatingSystem, python.Major, python.Minor, isRuntime: false);
    }

    /// <summary>The layout of a layer of <paramref name="kind"/>.</summary>
    public static EnvironmentLayout For(LayerKind kind, TargetOperatingSystem operatingSystem, PythonImplementation python) =>
        kind == LayerKind.Runtime ? ForRuntime(operatingSystem, python) : ForLayered(operatingSystem, python);

    /// <summary>The install scheme a wheel installer uses for a layer of this layout at <paramref name="environmentPath"/>.</summary>
    /// <remarks>Headers go to a folder per project below <see cref="InstallScheme.Headers"/>: <c>include/site/pythonX.Y</c>
    /// in layered layers (pip's rule for virtual environments), <c>include/pythonX.Y</c> (<c>Include</c>) in runtimes.</remarks>
    public InstallScheme InstallScheme(string environmentPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentPath);
        var sitePackages = SitePackages.Under(environmentPath);
        return new InstallScheme(
            Purelib: sitePackages,
            Platlib: sitePackages,
            Scripts: ScriptsDirectory.Under(environmentPath),
            Headers: HeadersDirectory.Under(environmentPath),
            Data: environmentPath);
    }
}
