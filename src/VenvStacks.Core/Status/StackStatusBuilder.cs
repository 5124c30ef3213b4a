using System.Collections.Immutable;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Status;

/// <summary>Builds the status report of a stack (the data behind venvstacks' <c>show</c>).</summary>
public static class StackStatusBuilder
{
    /// <summary>Builds the report for the enabled layers of <paramref name="spec"/>.</summary>
    /// <param name="spec">The stack.</param>
    /// <param name="lockSummary">The lock state of a layer.</param>
    /// <param name="includeDependencies">List each layer's lower layers (as <c>show</c> does).</param>
    /// <param name="selectedOperations">The operations to report for a layer, or null to report none.</param>
    public static StackStatusReport Build(
        StackSpec spec,
        Func<LayerSpec, LayerLockSummary> lockSummary,
        bool includeDependencies = true,
        Func<LayerSpec, ImmutableArray<string>>? selectedOperations = null)
    {
        LayerStatus StatusOf(LayerSpec layer, bool withOperations, bool withDependencies)
        {
            var summary = lockSummary(layer);
            ImmutableArray<LayerStatus>? dependencies = withDependencies && layer.Kind != LayerKind.Runtime
                ? layer.Dependencies.Select(d => StatusOf(d, false, false)).ToImmutableArray()
                : null;
            return new LayerStatus(
                layer.BuildName,
                layer.InstallTarget(summary.LockVersion),
                summary.HasValidLock,
                withOperations ? selectedOperations?.Invoke(layer) : null,
                dependencies);
        }

        ImmutableArray<LayerStatus> Group(IEnumerable<LayerSpec> layers) =>
            layers.Select(l => StatusOf(l, true, includeDependencies)).ToImmutableArray();

        return new StackStatusReport(
            spec.SpecPath,
            Group(spec.Runtimes),
            Group(spec.Frameworks),
            Group(spec.Applications));
    }
}
