using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Core.Locking;

/// <summary>
/// The pins a layer inherits from the layers below it (docs/venvstacks-reference.md §2.5): the runtime's lock first, then
/// each linearised framework's, skipping entries those files mark as shared. Once a package has been seen without a
/// marker it is shadowed and later entries are ignored; conditional entries are kept once per distinct marker.
/// </summary>
public static class LowerLayerConstraints
{
    /// <summary>The constraints of <paramref name="layer"/>, alphabetical by name (empty for runtimes).</summary>
    public static IReadOnlyList<LayerPin> For(StackSpec spec, LayerSpec layer) =>
        For(layer, lower => PyLock.Parse(File.ReadAllText(LayerLockFiles.For(spec, lower).PyLockPath)));

    /// <summary>The constraints of <paramref name="layer"/> from lower-layer locks already read.</summary>
    public static IReadOnlyList<LayerPin> For(LayerSpec layer, Func<LayerSpec, PyLock> lockOf)
    {
        if (layer.Kind == LayerKind.Runtime)
        {
            return [];
        }

        return FromLocks(new[] { (LayerSpec)layer.Runtime }.Concat(layer.Frameworks).Select(lower => (lower.BuildName, lockOf(lower))));
    }

    /// <summary>The constraints implied by lower-layer locks given in priority order, with the layer each comes from.</summary>
    public static IReadOnlyList<LayerPin> FromLocks(IEnumerable<(string Layer, PyLock Lock)> lowerLocks)
    {
        var unconditional = new Dictionary<string, LayerPin>(StringComparer.Ordinal);
        var conditional = new Dictionary<string, List<LayerPin>>(StringComparer.Ordinal);
        var pins = lowerLocks.SelectMany(l => l.Lock.Packages.Select(p => new LayerPin(LockedPackage.From(p), l.Layer)));
        foreach (var pin in pins.Where(p => !p.Package.IsShared))
        {
            var package = pin.Package;
            if (unconditional.ContainsKey(package.Name))
            {
                continue;
            }

            if (package.MarkerText.Length == 0)
            {
                unconditional[package.Name] = pin;
                continue;
            }

            if (!conditional.TryGetValue(package.Name, out var list))
            {
                conditional[package.Name] = list = [];
            }

            list.Add(pin);
        }

        var result = new List<LayerPin>();
        foreach (var name in unconditional.Keys.Union(conditional.Keys).Order(StringComparer.Ordinal))
        {
            var seenMarkers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pin in conditional.GetValueOrDefault(name) ?? [])
            {
                if (seenMarkers.Add(pin.Package.Marker!.ToString()))
                {
                    result.Add(pin with { Package = pin.Package with { Index = null, Wheels = [] } });
                }
            }

            if (unconditional.TryGetValue(name, out var pinned))
            {
                result.Add(pinned with { Package = pinned.Package with { Index = null, Wheels = [] } });
            }
        }

        return result;
    }
}

/// <summary>A package a lower layer installs, as a pin for the layers above it.</summary>
/// <param name="Package">The locked package (no index or wheels).</param>
/// <param name="Layer">The build name of the layer that installs it.</param>
public sealed record LayerPin(LockedPackage Package, string Layer);
