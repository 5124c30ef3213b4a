using System.Globalization;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Installation;

/// <summary>
/// Where the parts of a wheel go: the <c>sysconfig</c> paths <c>purelib</c>, <c>platlib</c>, <c>scripts</c>,
/// <c>headers</c> and <c>data</c> of one environment. A wheel's root goes to <see cref="Purelib"/> or
/// <see cref="Platlib"/> (its <c>Root-Is-Purelib</c>), its <c>.data/&lt;key&gt;/</c> subfolders to the matching path.
/// </summary>
/// <param name="Purelib">The folder of pure-Python modules (a <c>site-packages</c>).</param>
/// <param name="Platlib">The folder of platform-specific modules (the same <c>site-packages</c> in a venv).</param>
/// <param name="Scripts">The scripts folder.</param>
/// <param name="Headers">The folder under which each project's headers go, in a subfolder named after the project
/// (<c>Name</c> in its METADATA), as pip does.</param>
/// <param name="Data">The data root, normally the environment root.</param>
public sealed record InstallScheme(string Purelib, string Platlib, string Scripts, string Headers, string Data)
{
    /// <summary>
    /// The scheme pip uses for a virtual environment at <paramref name="root"/> (<c>sysconfig</c>'s <c>venv</c> scheme
    /// plus pip's header folder): POSIX <c>lib/pythonX.Y/site-packages</c> and <c>bin</c>, Windows
    /// <c>Lib/site-packages</c> and <c>Scripts</c>; headers under <c>include/site/pythonX.Y</c>; data at the root.
    /// </summary>
    /// <param name="root">The environment folder.</param>
    /// <param name="operatingSystem">The operating system the environment is for (not the one running this code).</param>
    /// <param name="pythonMajor">The Python major version.</param>
    /// <param name="pythonMinor">The Python minor version.</param>
    /// <returns>The scheme, with full paths.</returns>
    public static InstallScheme ForVirtualEnvironment(string root, TargetOperatingSystem operatingSystem, int pythonMajor, int pythonMinor)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        var python = string.Create(CultureInfo.InvariantCulture, $"python{pythonMajor}.{pythonMinor}");
        var sitePackages = operatingSystem == TargetOperatingSystem.Windows
            ? Path.Combine(full, "Lib", "site-packages")
            : Path.Combine(full, "lib", python, "site-packages");
        var scripts = Path.Combine(full, operatingSystem == TargetOperatingSystem.Windows ? "Scripts" : "bin");
        return new InstallScheme(sitePackages, sitePackages, scripts, Path.Combine(full, "include", "site", python), full);
    }

    /// <summary>The folder of a scheme key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The folder as given.</returns>
    public string PathFor(SchemeKey key) => key switch
    {
        SchemeKey.Purelib => Purelib,
        SchemeKey.Platlib => Platlib,
        SchemeKey.Scripts => Scripts,
        SchemeKey.Headers => Headers,
        SchemeKey.Data => Data,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown scheme key"),
    };

    /// <summary>The folder a wheel's root (and its <c>.dist-info</c>) goes to.</summary>
    /// <param name="rootIsPurelib">The wheel's <c>Root-Is-Purelib</c>.</param>
    /// <returns><see cref="Purelib"/> or <see cref="Platlib"/>.</returns>
    public string RootFor(bool rootIsPurelib) => rootIsPurelib ? Purelib : Platlib;

    /// <summary>The distinct site folders (<see cref="Purelib"/>, then <see cref="Platlib"/> when it differs), full paths.</summary>
    public IReadOnlyList<string> SiteDirectories =>
        new[] { Path.GetFullPath(Purelib), Path.GetFullPath(Platlib) }.Distinct(FileSystemPaths.Comparer).ToArray();

    /// <summary>Every folder of the scheme as a full path: these are never removed by an uninstall.</summary>
    public IReadOnlyList<string> Roots =>
        new[] { Purelib, Platlib, Scripts, Headers, Data }.Select(Path.GetFullPath).Distinct(FileSystemPaths.Comparer).ToArray();
}
