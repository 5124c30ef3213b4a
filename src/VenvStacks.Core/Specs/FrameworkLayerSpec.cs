namespace VenvStacks.Core.Specs;

/// <summary>A framework layer: a shared virtual environment that applications and other frameworks build on.</summary>
public sealed record FrameworkLayerSpec : LayeredLayerSpec
{
    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.Framework;
}
