namespace VenvStacks.Core.Installing;

/// <summary>How far the installation of a layer's packages has come.</summary>
/// <param name="LayerName">The layer.</param>
/// <param name="PackagesDone">Packages installed so far in this run.</param>
/// <param name="PackagesTotal">Packages this run installs (kept ones excluded).</param>
/// <param name="BytesDone">Wheel bytes installed so far.</param>
/// <param name="BytesTotal">Wheel bytes to install, as the lock records their sizes (0 for wheels without one).</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Package">The package just installed (<c>name==version</c>), or null for the report before the first.</param>
public sealed record LayerInstallProgress(
    string LayerName, int PackagesDone, int PackagesTotal, long BytesDone, long BytesTotal, TimeSpan Elapsed, string? Package);
