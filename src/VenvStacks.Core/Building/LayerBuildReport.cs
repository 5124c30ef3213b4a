namespace VenvStacks.Core.Building;

/// <summary>The outcome of building one layer.</summary>
/// <param name="BuildName">The layer's build name.</param>
/// <param name="Status">What was done.</param>
/// <param name="EnvironmentPath">The layer's build folder.</param>
/// <param name="Installed">Distributions installed by this run.</param>
/// <param name="Removed">Distributions removed because the lock no longer has them.</param>
/// <param name="WheelBytes">Bytes of the wheels installed by this run.</param>
/// <param name="Elapsed">Time spent on the layer.</param>
public sealed record LayerBuildReport(
    string BuildName,
    LayerBuildStatus Status,
    string EnvironmentPath,
    int Installed = 0,
    int Removed = 0,
    long WheelBytes = 0,
    TimeSpan Elapsed = default);
