using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Installation;

namespace VenvStacks.Core.Installing;

/// <summary>What installing a layer's locked packages did.</summary>
/// <param name="Installed">Distributions installed by this run.</param>
/// <param name="Kept">Distributions that were already installed, intact, at the locked version.</param>
/// <param name="Removed">Distributions uninstalled because the lock no longer has them (or has another version).</param>
/// <param name="Diagnostics">Errors and warnings, coded VSTK30xx (installing) or VSTK21xx (downloading).</param>
/// <param name="WheelBytes">The total size of the wheels installed.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record LayerInstallResult(
    ImmutableArray<InstalledDistribution> Installed,
    ImmutableArray<InstalledDistribution> Kept,
    ImmutableArray<InstalledDistribution> Removed,
    ImmutableArray<Diagnostic> Diagnostics,
    long WheelBytes,
    TimeSpan Elapsed)
{
    /// <summary>Whether the environment now holds exactly the locked packages.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
