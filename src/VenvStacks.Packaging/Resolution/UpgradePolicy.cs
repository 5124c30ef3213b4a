using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Resolution;

/// <summary>Which packages ignore their preferred (previously locked) version and take the newest allowed.</summary>
public sealed class UpgradePolicy
{
    private UpgradePolicy(bool all, ImmutableHashSet<NormalizedName> packages)
    {
        UpgradesAll = all;
        Packages = packages;
    }

    /// <summary>Keep every preferred version that is still allowed.</summary>
    public static UpgradePolicy None { get; } = new(false, []);

    /// <summary>Ignore all preferences.</summary>
    public static UpgradePolicy All { get; } = new(true, []);

    /// <summary>Whether every package is upgraded.</summary>
    public bool UpgradesAll { get; }

    /// <summary>The packages upgraded by name (empty when <see cref="UpgradesAll"/> or none).</summary>
    public ImmutableHashSet<NormalizedName> Packages { get; }

    /// <summary>Upgrade only the named packages.</summary>
    /// <param name="names">The packages to upgrade.</param>
    /// <returns>The policy.</returns>
    public static UpgradePolicy Only(IEnumerable<NormalizedName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new UpgradePolicy(false, [.. names]);
    }

    /// <summary>Whether a package ignores its preference.</summary>
    /// <param name="name">The package.</param>
    /// <returns>True when it is upgraded.</returns>
    public bool Upgrades(NormalizedName name) => UpgradesAll || Packages.Contains(name);
}
