using System.Collections.Immutable;

namespace VenvStacks.Core.Specs;

/// <summary>An application layer: a virtual environment with a launch module run as <c>python -m &lt;module&gt;</c>.</summary>
public sealed record ApplicationLayerSpec : LayeredLayerSpec
{
    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.Application;

    /// <summary>The module or package run with <c>python -m</c>.</summary>
    public required ModuleSource LaunchModule { get; init; }

    /// <summary>Extra modules copied next to the launch module, sorted by declared path (as venvstacks does).</summary>
    public required ImmutableArray<ModuleSource> SupportModules { get; init; }
}
