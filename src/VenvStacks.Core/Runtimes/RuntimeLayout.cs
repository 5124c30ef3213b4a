using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Where things are in an unpacked python-build-standalone install-only runtime (docs/venvstacks-reference.md §3.1):
/// POSIX <c>bin/python3</c> and <c>lib/pythonX.Y/site-packages</c>; Windows <c>python.exe</c> at the top and
/// <c>Lib\site-packages</c>. Paths are relative, with the platform's own separators.
/// </summary>
/// <param name="Platform">The runtime's target platform (its layout, not the host's).</param>
/// <param name="MajorMinor">The Python version, <c>X.Y</c>.</param>
public sealed record RuntimeLayout(TargetPlatform Platform, string MajorMinor)
{
    private bool IsWindows => Platform.OperatingSystem == TargetOperatingSystem.Windows;

    /// <summary>The interpreter whose presence proves an extraction worked: <c>bin/python3</c> or <c>python.exe</c>.</summary>
    public string Interpreter => IsWindows ? "python.exe" : Path.Combine("bin", "python3");

    /// <summary>The site-packages folder.</summary>
    public string SitePackages => IsWindows
        ? Path.Combine("Lib", "site-packages")
        : Path.Combine("lib", "python" + MajorMinor, "site-packages");
}
