using System.Globalization;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// <c>importlib.machinery.EXTENSION_SUFFIXES</c> of the target interpreter, without the plain <c>.so</c>: the file
/// endings that mark a Python extension module rather than a shared library other modules link against
/// (docs/venvstacks-reference.md §3.6). venvstacks takes them from the interpreter it runs on, adjusted to the target
/// X.Y; here they are derived from the target platform, so a layer can be built for another platform.
/// </summary>
internal static class ExtensionModuleSuffixes
{
    /// <summary>The extension-module endings, each as the list of suffixes Python's <c>Path.suffixes</c> would split it into.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> For(TargetPlatform platform, PythonImplementation python)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(python);
        var nodot = string.Create(CultureInfo.InvariantCulture, $"{python.Major}{python.Minor}");
        var machine = platform.OperatingSystem switch
        {
            TargetOperatingSystem.Linux => (platform.Architecture == "amd64" ? "x86_64" : platform.Architecture) + "-linux-gnu",
            TargetOperatingSystem.MacOS => "darwin",
            _ => null,
        };
        string[] endings = platform.OperatingSystem == TargetOperatingSystem.Windows
            ? [$".cp{nodot}-{WindowsTag(platform)}.pyd", ".pyd"]
            : python.IsCPython
                ? [$".cpython-{nodot}-{machine}.so", ".abi3.so"]
                : [$".pypy{nodot}-pp73-{machine}.so"];
        return endings.Select(e => FileNameSuffixes.Split("x" + e)).ToArray();
    }

    private static string WindowsTag(TargetPlatform platform) => "win_" + platform.Architecture;
}
