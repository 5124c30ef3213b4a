namespace VenvStacks.Packaging.Installation;

/// <summary>What <see cref="DistributionUninstaller"/> removed.</summary>
/// <param name="Distribution">The distribution that was uninstalled.</param>
/// <param name="RemovedFiles">The full paths of the files deleted (RECORD entries, their compiled bytecode, and the
/// rest of the <c>.dist-info</c> folder).</param>
/// <param name="RemovedDirectories">How many folders were left empty and deleted.</param>
public sealed record UninstallResult(InstalledDistribution Distribution, IReadOnlyList<string> RemovedFiles, int RemovedDirectories);
