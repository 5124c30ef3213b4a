using System.Collections.Immutable;

namespace VenvStacks.Core.Status;

/// <summary>The status of a whole stack, grouped as venvstacks shows it.</summary>
/// <param name="SpecName">The spec path as shown on the first line.</param>
public sealed record StackStatusReport(
    string SpecName,
    ImmutableArray<LayerStatus> Runtimes,
    ImmutableArray<LayerStatus> Frameworks,
    ImmutableArray<LayerStatus> Applications);
