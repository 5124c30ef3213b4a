using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// Merges per-package index routing down the stack (docs/venvstacks-reference.md §1.7 step 4): a layer inherits its lower
/// layers' <c>package_indexes</c>; disagreements must be declared with <c>index_overrides</c>.
/// </summary>
internal static class PackageIndexMerger
{
    /// <summary>The routing inherited from the runtime (runtime-based layers) or from the linearised frameworks.</summary>
    public static Dictionary<string, string> MergeDependencies(
        string errorPrefix,
        RuntimeLayerSpec? runtime,
        IReadOnlyList<FrameworkLayerSpec> linearizedFrameworks,
        IReadOnlyDictionary<string, string> indexOverrides,
        SourceLocation location,
        DiagnosticBag diagnostics)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        if (runtime is not null)
        {
            foreach (var (package, index) in runtime.PackageIndexes)
            {
                merged[package] = index;
            }

            return merged;
        }

        // Frameworks are visited in import priority order, so an override must favour the framework that wins imports.
        foreach (var framework in linearizedFrameworks)
        {
            foreach (var (package, index) in framework.PackageIndexes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (merged.TryGetValue(package, out var declared))
                {
                    // venvstacks compares only the overridden name, so a layer that declares an override fails when
                    // a framework it inherits from already carries the overridden route; the same index is always fine.
                    var accepted = indexOverrides.GetValueOrDefault(index, index);
                    if (declared != index && declared != accepted)
                    {
                        diagnostics.Error(
                            DiagnosticCodes.InconsistentDependencyIndexes,
                            $"{errorPrefix} depends on layers with inconsistent package index overrides for {package} "
                            + $"(specify 'index_overrides = {{{index} = \"{declared}\"}}' to accept)",
                            location);
                    }

                    continue;
                }

                merged[package] = index;
            }
        }

        return merged;
    }

    /// <summary>Applies the layer's own <c>package_indexes</c> on top of the inherited routing.</summary>
    public static ImmutableDictionary<string, string> ApplyOwn(
        string errorPrefix,
        string layerName,
        IReadOnlyDictionary<string, string> inherited,
        IEnumerable<(Located<string> Package, Located<string> Index)> own,
        IReadOnlyDictionary<string, string> indexOverrides,
        ISet<string> namedIndexes,
        DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var route = new PackageRoute(layerName);
        foreach (var (package, index) in own)
        {
            if (route.Accept(package, index, namedIndexes, seen, diagnostics) is not { } normalized)
            {
                continue;
            }

            if (inherited.TryGetValue(normalized, out var fromDependencies))
            {
                // The layer's own routing wins, but only where the difference was declared on purpose.
                var accepted = indexOverrides.GetValueOrDefault(fromDependencies, fromDependencies);
                if (index.Value != accepted)
                {
                    diagnostics.Error(
                        DiagnosticCodes.InconsistentIndexOverride,
                        $"{errorPrefix} declares an inconsistent package index override for {package.Value} "
                        + $"(specify 'index_overrides = {{{fromDependencies} = \"{index.Value}\"}}' to accept)",
                        index.Location);
                }
            }

            result[normalized] = index.Value;
        }

        return result.ToImmutableDictionary(StringComparer.Ordinal);
    }
}
