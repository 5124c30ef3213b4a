using System.Collections.Immutable;

namespace VenvStacks.Core.Locking;

/// <summary>How a lock run behaves.</summary>
/// <param name="Mode">When layers are relocked.</param>
/// <param name="ResetPatterns">Build-name patterns (<see cref="Specs.LayerPattern"/>) of layers whose previous lock is discarded (no preferences).</param>
/// <param name="UpgradeAll">Ignore previous locks as preferences everywhere (pick the newest allowed versions).</param>
/// <param name="UpgradePackages">Packages (normalised names) whose previous pins are not preferred.</param>
/// <param name="Now">The current time; lock times are the pylock file time clamped to <c>exclude-newer</c>.</param>
public sealed record LockOptions(
    LockMode Mode,
    ImmutableArray<string> ResetPatterns,
    bool UpgradeAll,
    ImmutableArray<string> UpgradePackages,
    DateTimeOffset? Now = null)
{
    /// <summary>Auto mode, no resets, no upgrades.</summary>
    public static LockOptions Default { get; } = new(LockMode.Auto, [], false, []);
}
