using System.Collections.Immutable;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Locking;

/// <summary>
/// Whether a layer's lock still fits its lower layers' current locks. The lock hashes (docs/venvstacks-reference.md
/// §2.7) do not cover lower locks, so a relock stopped after a lower layer was written but before the layers above
/// it (Ctrl+C, a killed build, an index that went down) leaves upper locks whose hashes still match although they
/// were resolved against the old pins. Such a lock is stale (§2.8, "We differ"): per target platform, every package
/// it holds that a lower layer pins must be at the pinned version, and every package it holds as shared must still
/// be pinned by a lower layer. The check reads lock files only and keeps the hash formats unchanged.
/// </summary>
public static class LowerLayerConsistency
{
    /// <summary>The disagreements between <paramref name="locked"/> (the layer's lock) and <paramref name="lowerPins"/>.</summary>
    /// <param name="layer">The layer (its platforms and runtime decide which entries apply where).</param>
    /// <param name="locked">The packages of the layer's lock.</param>
    /// <param name="lowerPins">The pins of its lower layers' current locks (<see cref="LowerLayerConstraints"/>).</param>
    public static ImmutableArray<LowerLayerMismatch> Check(LayerSpec layer, IReadOnlyList<LockedPackage> locked, IReadOnlyList<LayerPin> lowerPins)
    {
        var disagreements = new List<(LockedPackage Package, LayerPin? Pin, string Platform)>();
        foreach (var platform in layer.Platforms)
        {
            var environment = platform.GetMarkerEnvironment(layer.Runtime.PythonImplementation);
            var pins = lowerPins.Where(p => p.Package.AppliesTo(environment)).ToLookup(p => p.Package.Name, StringComparer.Ordinal);
            foreach (var package in locked.Where(p => p.AppliesTo(environment)))
            {
                var pinned = pins[package.Name].ToList();
                if (pinned.Count == 0)
                {
                    // A package installed here and by no lower layer is the layer's own business.
                    if (package.IsShared)
                    {
                        disagreements.Add((package, null, platform.Name));
                    }

                    continue;
                }

                if (pinned.FirstOrDefault(p => p.Package.Version != package.Version) is { } other)
                {
                    disagreements.Add((package, other, platform.Name));
                }
            }
        }

        return [.. disagreements
            .GroupBy(d => (d.Package, d.Pin))
            .Select(g => new LowerLayerMismatch(
                g.Key.Package.Name,
                g.Key.Package.Version,
                g.Key.Package.IsShared,
                g.Key.Pin?.Layer,
                g.Key.Pin?.Package.Version,
                [.. g.Select(d => d.Platform)]))];
    }
}
