using System.Collections.Immutable;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Specs;

/// <summary>A runtime layer: a Python implementation and version, plus packages installed into it.</summary>
public sealed record RuntimeLayerSpec : LayerSpec
{
    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.Runtime;

    /// <summary>The implementation and version, e.g. <c>cpython@3.11.11</c>.</summary>
    public required PythonImplementation PythonImplementation { get; init; }

    /// <inheritdoc />
    public override RuntimeLayerSpec Runtime => this;

    /// <inheritdoc />
    public override ImmutableArray<FrameworkLayerSpec> Frameworks => [];
}
