using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Export;

/// <summary>The result of exporting a stack.</summary>
/// <param name="Layers">One outcome per layer handled, in stack order, then the removed layers.</param>
/// <param name="Diagnostics">Errors and warnings.</param>
public sealed record ExportResult(ImmutableArray<LayerExportOutcome> Layers, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether every selected layer is exported now.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
