using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// <c>pyvenv.cfg</c> of a layered environment (docs/venvstacks-reference.md §3.4, §3.5): <c>home</c>,
/// <c>include-system-site-packages = false</c>, <c>version</c> and <c>executable</c>, in that order, the lines the stdlib
/// <c>venv</c> writes at build time and venvstacks' post-install script writes on the target. The <c>command</c> line
/// <c>venv</c> adds is left out: no command created this environment, and nothing reads it.
/// </summary>
public static class PyvenvConfigText
{
    /// <summary>The file text (Windows: CRLF, as Python writes it there).</summary>
    /// <param name="home">The folder of the base Python.</param>
    /// <param name="version">The runtime's full <c>X.Y.Z</c>.</param>
    /// <param name="executable">The base Python executable.</param>
    /// <param name="operatingSystem">The target operating system.</param>
    public static string Generate(string home, string version, string executable, TargetOperatingSystem operatingSystem)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(executable);
        var text = $"home = {home}\ninclude-system-site-packages = false\nversion = {version}\nexecutable = {executable}\n";
        return TargetText.WithLineEndings(text, operatingSystem);
    }

    /// <summary>
    /// The text post-install writes on the target: <c>home</c> is the folder of <paramref name="basePython"/>, and
    /// <c>executable</c> is <paramref name="basePython"/> itself (absolute, links not resolved).
    /// </summary>
    /// <param name="basePython">The absolute deployed path of the runtime's Python, in the target's syntax.</param>
    /// <param name="version">The runtime's full <c>X.Y.Z</c>.</param>
    /// <param name="operatingSystem">The target operating system.</param>
    public static string ForDeployment(string basePython, string version, TargetOperatingSystem operatingSystem)
    {
        ArgumentException.ThrowIfNullOrEmpty(basePython);
        return Generate(TargetText.ParentOf(basePython, operatingSystem), version, basePython, operatingSystem);
    }
}
