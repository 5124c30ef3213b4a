using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>A temporary folder with an empty environment (POSIX venv layout for Python 3.11 unless told otherwise) and
/// a place for wheel files outside it.</summary>
internal sealed class InstallTarget : IDisposable
{
    private readonly TestFolder _folder = new();

    public InstallTarget(TargetOperatingSystem operatingSystem = TargetOperatingSystem.Linux)
    {
        Root = _folder.Combine("env");
        Directory.CreateDirectory(Root);
        Scheme = InstallScheme.ForVirtualEnvironment(Root, operatingSystem, 3, 11);
        Wheels = _folder.Combine("wheels");
        Directory.CreateDirectory(Wheels);
    }

    /// <summary>The environment folder.</summary>
    public string Root { get; }

    /// <summary>Where tests put wheel files.</summary>
    public string Wheels { get; }

    public InstallScheme Scheme { get; set; }

    public string SitePackages => Scheme.Purelib;

    public static WheelInstallOptions Options => new() { InstallerName = "venvstacks-sdk" };

    /// <summary>Every file and folder below the environment, relative to it, '/'-separated.</summary>
    public IReadOnlyList<string> Contents() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public string InEnv(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public Task<WheelInstallResult> InstallAsync(string wheelPath, WheelInstallOptions? options = null) =>
        WheelInstaller.InstallAsync(wheelPath, Scheme, options ?? Options);

    public void Dispose() => _folder.Dispose();
}
