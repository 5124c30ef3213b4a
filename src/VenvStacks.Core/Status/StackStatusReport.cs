using System.Collections.Immutable;

namespace VenvStacks.Core.Status;

/// <summary>The status of a whole stack, grouped as venvstacks shows it.</summary>
/// <param name="SpecName">The spec path as shown on the first line.</param>
/// <param name="Runtimes">The runtime layers, in spec order.</param>
/// <param name="Frameworks">The framework layers, in spec order.</param>
/// <param name="Applications">The application layers, in spec order.</param>
public sealed record StackStatusReport(
    string SpecName,
    ImmutableArray<LayerStatus> Runtimes,
    ImmutableArray<LayerStatus> Frameworks,
    ImmutableArray<LayerStatus> Applications);
