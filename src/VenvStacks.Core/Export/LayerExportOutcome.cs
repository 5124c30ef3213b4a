using VenvStacks.Core.Deployment;

namespace VenvStacks.Core.Export;

/// <summary>What an export did with one layer.</summary>
public enum LayerExportAction
{
    /// <summary>Copied (linked) afresh into the output folder and post-installed.</summary>
    Exported,

    /// <summary>The previous export matches the build and lock: nothing was touched.</summary>
    UpToDate,

    /// <summary>The previous export matches, but was post-installed elsewhere (the output folder moved) or not at all: post-install ran again.</summary>
    PostInstalledAgain,

    /// <summary>The layer is no longer in the stack: its exported folder and metadata were removed.</summary>
    Removed,

    /// <summary>The layer is not built and does not target this machine: nothing to export.</summary>
    NotBuilt,

    /// <summary>The layer could not be exported (see the diagnostics); anything half done is marked as such.</summary>
    Failed,
}

/// <summary>The result for one layer.</summary>
/// <param name="BuildName">The layer's build name.</param>
/// <param name="InstallTarget">Its deployed folder name, when known.</param>
/// <param name="Action">What happened.</param>
public sealed record LayerExportOutcome(string BuildName, string? InstallTarget, LayerExportAction Action)
{
    /// <summary>The copy, for <see cref="LayerExportAction.Exported"/>.</summary>
    public LayerCopyStatistics? Copy { get; init; }

    /// <summary>The post-install run, when one ran.</summary>
    public PostInstallRun? PostInstall { get; init; }

    /// <summary>Why post-install did not run for an exported layer (for the log), or null.</summary>
    public string? PostInstallSkipped { get; init; }

    /// <summary>Time spent on the layer.</summary>
    public TimeSpan Elapsed { get; init; }
}
