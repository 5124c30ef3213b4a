using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Deployment;

/// <summary>
/// A layer at its deployed place, its configuration resolved the way <c>postinstall.py</c> resolves it
/// (docs/venvstacks-reference.md §4.6 step 1): every relative path made absolute against the layer folder, <c>..</c>
/// collapsed, links not followed, and each required to lie inside the deployment folder (the layer's parent); the
/// layer's own Python and site-packages inside the layer folder itself. It also gives the <c>pyvenv.cfg</c> and
/// <c>sitecustomize.py</c> texts the script must write there, for checking a post-install.
/// </summary>
public sealed record DeployedLayer
{
    /// <summary>The absolute layer folder.</summary>
    public required string LayerPath { get; init; }

    /// <summary>The configuration as written in the layer.</summary>
    public required DeployedLayerConfig Config { get; init; }

    /// <summary>The layer's own Python.</summary>
    public required string Python { get; init; }

    /// <summary>The runtime's Python.</summary>
    public required string BasePython { get; init; }

    /// <summary>The layer's site-packages.</summary>
    public required string SiteDir { get; init; }

    /// <summary>Lower layers' site-packages, in priority order.</summary>
    public required ImmutableArray<string> PylibDirs { get; init; }

    /// <summary>Lower layers' dynlib (Windows: DLL) folders, in priority order.</summary>
    public required ImmutableArray<string> DynlibDirs { get; init; }

    /// <summary>The folder holding the layers side by side.</summary>
    public string DeploymentPath => Path.GetDirectoryName(LayerPath)!;

    /// <summary>Whether the layer is a framework or application (a runtime's Python is its own base).</summary>
    public bool IsLayered => !string.Equals(BasePython, Python, StringComparison.Ordinal);

    /// <summary>The configuration file of a layer folder.</summary>
    public static string ConfigPath(string layerPath) =>
        LayerRelativePath.Of("share", "venv", "metadata", "venvstacks_layer.json").Under(layerPath);

    /// <summary>Reads and resolves the configuration of the layer in <paramref name="layerPath"/>.</summary>
    /// <exception cref="DeploymentException">VSTK4025: the file is malformed or a path leaves the deployment folder.</exception>
    public static async Task<DeployedLayer> ReadAsync(string layerPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(layerPath);
        var layer = Path.TrimEndingDirectorySeparator(Path.GetFullPath(layerPath));
        var config = await DeployedLayerConfigReader.ReadAsync(ConfigPath(layer), cancellationToken).ConfigureAwait(false);
        return Resolve(layer, config);
    }

    /// <summary>Resolves <paramref name="config"/> for the layer folder <paramref name="layerPath"/> (absolute).</summary>
    /// <exception cref="DeploymentException">VSTK4025: a path leaves the deployment folder.</exception>
    public static DeployedLayer Resolve(string layerPath, DeployedLayerConfig config)
    {
        ArgumentException.ThrowIfNullOrEmpty(layerPath);
        ArgumentNullException.ThrowIfNull(config);
        var layer = Path.TrimEndingDirectorySeparator(Path.GetFullPath(layerPath));
        var deployment = Path.GetDirectoryName(layer)
            ?? throw new ArgumentException($"A layer cannot be the root folder '{layer}'", nameof(layerPath));
        string Inside(string key, string relative, string folder, string what)
        {
            var path = Path.GetFullPath(Path.Combine(layer, relative));
            if (!IsBelow(path, folder))
            {
                var file = ConfigPath(layer);
                throw new DeploymentException(
                    DiagnosticCodes.InvalidDeployedLayerConfig,
                    $"{file}: '{key}' path '{relative}' resolves to '{path}', outside {what} '{folder}'",
                    file);
            }

            return path;
        }

        return new DeployedLayer
        {
            LayerPath = layer,
            Config = config,
            Python = Inside("python", config.Python, layer, "the layer folder"),
            BasePython = Inside("base_python", config.BasePython, deployment, "the deployment folder"),
            SiteDir = Inside("site_dir", config.SiteDir, layer, "the layer folder"),
            PylibDirs = config.PylibDirs.Select(d => Inside("pylib_dirs", d, deployment, "the deployment folder")).ToImmutableArray(),
            DynlibDirs = config.DynlibDirs.Select(d => Inside("dynlib_dirs", d, deployment, "the deployment folder")).ToImmutableArray(),
        };
    }

    /// <summary>The <c>pyvenv.cfg</c> post-install writes for <paramref name="operatingSystem"/>, or null for a runtime layer.</summary>
    public string? ExpectedPyvenvConfig(TargetOperatingSystem operatingSystem) =>
        IsLayered ? PyvenvConfigText.ForDeployment(BasePython, Config.PyVersion, operatingSystem) : null;

    /// <summary>
    /// The <c>sitecustomize.py</c> post-install writes for <paramref name="operatingSystem"/> as things are on disk now
    /// (Windows DLL folders that do not exist are only mentioned), or null when it writes none.
    /// </summary>
    public string? ExpectedSiteCustomize(TargetOperatingSystem operatingSystem) =>
        IsLayered
            ? SiteCustomizeText.Generate(PylibDirs, DynlibDirs.Select(d => new DllDirectoryEntry(d, Path.Exists(d))), operatingSystem)
            : null;

    // Strictly below, compared as text; Windows file names ignore case.
    private static bool IsBelow(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison) && path.Length > prefix.Length;
    }
}
