using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Core.Locking;

/// <summary>
/// The pins a layer inherits from the layers below it (venvstacks-behaviour §2.5): the runtime's lock first, then
/// each linearised framework's, skipping entries those files mark as shared. Once a package has been seen without a
/// marker it is shadowed and later entries are ignored; conditional entries are kept once per distinct marker.
/// </summary>
public static class LowerLayerConstraints
{
    /// <summary>The constraints of <paramref name="layer"/>, alphabetical by name (empty for runtimes).</summary>
    public static IReadOnlyList<LockedPackage> For(StackSpec spec, LayerSpec layer)
    {
        if (layer.Kind == LayerKind.Runtime)
        {
            return [];
        }

        var lowerLocks = new[] { (LayerSpec)layer.Runtime }.Concat(layer.Frameworks)
            .Select(lower => LayerLockFiles.For(spec, lower).PyLockPath)
            .Select(path => PyLock.Parse(File.ReadAllText(path)));
        return FromLocks(lowerLocks);
    }

    /// <summary>The constraints implied by lower-layer locks given in priority order.</summary>
    public static IReadOnlyList<LockedPackage> FromLocks(IEnumerable<PyLock> lowerLocks)
    {
        var unconditional = new Dictionary<string, LockedPackage>(StringComparer.Ordinal);
        var conditional = new Dictionary<string, List<LockedPackage>>(StringComparer.Ordinal);
        foreach (var package in lowerLocks.SelectMany(l => l.Packages).Select(LockedPackage.From).Where(p => !p.IsShared))
        {
            if (unconditional.ContainsKey(package.Name))
            {
                continue;
            }

            if (package.MarkerText.Length == 0)
            {
                unconditional[package.Name] = package;
                continue;
            }

            if (!conditional.TryGetValue(package.Name, out var list))
            {
                conditional[package.Name] = list = [];
            }

            list.Add(package);
        }

        var result = new List<LockedPackage>();
        foreach (var name in unconditional.Keys.Union(conditional.Keys).Order(StringComparer.Ordinal))
        {
            var seenMarkers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var package in conditional.GetValueOrDefault(name) ?? [])
            {
                if (seenMarkers.Add(package.Marker!.ToString()))
                {
                    result.Add(package with { Index = null, Wheels = [] });
                }
            }

            if (unconditional.TryGetValue(name, out var pinned))
            {
                result.Add(pinned with { Index = null, Wheels = [] });
            }
        }

        return result;
    }
}
