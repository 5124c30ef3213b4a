using System.Collections.Immutable;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Installing;

/// <summary>
/// What to install into one layer environment: the layer's lock and the platform the layer is built FOR (never the
/// machine building it): markers are evaluated with that platform's environment and wheels ranked by its tags.
/// </summary>
public sealed record LayerInstallRequest
{
    /// <summary>The layer's build name, for messages.</summary>
    public required string LayerName { get; init; }

    /// <summary>The layer's parsed <c>pylock.&lt;layer&gt;.toml</c>.</summary>
    public required PyLock Lock { get; init; }

    /// <summary>The lock file's path: local wheel <c>path</c> entries are relative to its folder, and diagnostics name it.</summary>
    public required string LockFilePath { get; init; }

    /// <summary>The platform the layer is built for.</summary>
    public required TargetPlatform Platform { get; init; }

    /// <summary>The layer's Python implementation and version (from its runtime).</summary>
    public required PythonImplementation Implementation { get; init; }

    /// <summary>The newest manylinux baseline the layer accepts (its <c>linux_target</c>).</summary>
    public LinuxTarget LinuxTarget { get; init; } = LinuxTarget.Default;

    /// <summary>The oldest macOS the layer must run on (its <c>macosx_target</c>).</summary>
    public MacOSTarget MacOSTarget { get; init; } = MacOSTarget.Default;

    /// <summary>The environment's install scheme.</summary>
    public required InstallScheme Scheme { get; init; }

    /// <summary>The environment folder: nothing outside it is ever deleted.</summary>
    public required string EnvironmentRoot { get; init; }

    /// <summary>The projects the layer asks for directly: they get a <c>REQUESTED</c> file (PEP 376).</summary>
    public ImmutableHashSet<NormalizedName> Requested { get; init; } = [];

    /// <summary>The line that replaces <c>#!python</c> in installed scripts; null leaves them unchanged.</summary>
    public string? ScriptShebang { get; init; }

    /// <summary>The name written to each <c>.dist-info/INSTALLER</c>.</summary>
    public string InstallerName { get; init; } = "venvstacks-sdk";

    /// <summary>How many wheels are installed at once (downloads run alongside, up to the index client's request limit).</summary>
    public int MaxParallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Receives progress after each package (calls never overlap).</summary>
    public Action<LayerInstallProgress>? Progress { get; init; }

    /// <summary>A request for <paramref name="layer"/> built for <paramref name="platform"/>, with the layer's runtime
    /// version, Linux and macOS targets and direct requirements.</summary>
    public static LayerInstallRequest ForLayer(
        LayerSpec layer, TargetPlatform platform, PyLock lockFile, string lockFilePath, InstallScheme scheme, string environmentRoot)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return new LayerInstallRequest
        {
            LayerName = layer.BuildName,
            Lock = lockFile,
            LockFilePath = lockFilePath,
            Platform = platform,
            Implementation = layer.Runtime.PythonImplementation,
            LinuxTarget = layer.LinuxTarget,
            MacOSTarget = layer.MacOSTarget,
            Scheme = scheme,
            EnvironmentRoot = environmentRoot,
            Requested = layer.Requirements.Select(r => NormalizedName.From(r.Name)).ToImmutableHashSet(),
        };
    }
}
