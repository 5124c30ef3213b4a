using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Building;

/// <summary>The outcome of building a stack.</summary>
/// <param name="Layers">One report per layer considered, lower layers first.</param>
/// <param name="Diagnostics">Every problem found.</param>
public sealed record StackBuildResult(ImmutableArray<LayerBuildReport> Layers, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether every considered layer is built (or skipped as not for this platform) and nothing failed.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>Whether any layer was built or changed by this run.</summary>
    public bool Changed => Layers.Any(layer => layer.Status == LayerBuildStatus.Built);
}
