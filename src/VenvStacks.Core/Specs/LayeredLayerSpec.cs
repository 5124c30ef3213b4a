using System.Collections.Immutable;

namespace VenvStacks.Core.Specs;

/// <summary>A layer built as a virtual environment on top of a runtime and, optionally, frameworks.</summary>
public abstract record LayeredLayerSpec : LayerSpec
{
    /// <summary>The runtime below the layer.</summary>
    public required RuntimeLayerSpec BaseRuntime { get; init; }

    /// <summary>The linearised frameworks below the layer, nearest first.</summary>
    public required ImmutableArray<FrameworkLayerSpec> LinearizedFrameworks { get; init; }

    /// <inheritdoc />
    public override RuntimeLayerSpec Runtime => BaseRuntime;

    /// <inheritdoc />
    public override ImmutableArray<FrameworkLayerSpec> Frameworks => LinearizedFrameworks;
}
