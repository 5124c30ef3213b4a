using System.Collections.Immutable;
using VenvStacks.Core.Specs.Tooling;

namespace VenvStacks.Core.Specs;

/// <summary>A validated stack specification (<c>venvstacks.toml</c>).</summary>
/// <param name="SpecPath">The absolute path of the spec file.</param>
/// <param name="AllLayers">Every layer, enabled or not: runtimes, then frameworks, then applications, each in file order.</param>
/// <param name="ToolConfig">The uv settings.</param>
public sealed record StackSpec(string SpecPath, ImmutableArray<LayerSpec> AllLayers, UvToolConfig ToolConfig)
{
    /// <summary>The folder holding the spec; relative paths in the spec are resolved against it.</summary>
    public string SpecDirectory => Path.GetDirectoryName(SpecPath)!;

    /// <summary>Where lock files live: <c>requirements/</c> next to the spec.</summary>
    public string RequirementsDirectory => Path.Combine(SpecDirectory, "requirements");

    /// <summary>The enabled layers (with at least one target platform), in stack order.</summary>
    public ImmutableArray<LayerSpec> Layers => AllLayers.Where(l => l.IsEnabled).ToImmutableArray();

    /// <summary>The layers disabled with <c>platforms = []</c> (never locked, built, published or shown).</summary>
    public ImmutableArray<LayerSpec> DisabledLayers => AllLayers.Where(l => !l.IsEnabled).ToImmutableArray();

    /// <summary>The enabled runtimes.</summary>
    public IEnumerable<RuntimeLayerSpec> Runtimes => Layers.OfType<RuntimeLayerSpec>();

    /// <summary>The enabled frameworks.</summary>
    public IEnumerable<FrameworkLayerSpec> Frameworks => Layers.OfType<FrameworkLayerSpec>();

    /// <summary>The enabled applications.</summary>
    public IEnumerable<ApplicationLayerSpec> Applications => Layers.OfType<ApplicationLayerSpec>();

    /// <summary>The layer with the given build name (enabled or not).</summary>
    public LayerSpec GetLayer(string buildName) =>
        AllLayers.FirstOrDefault(l => string.Equals(l.BuildName, buildName, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The stack has no layer named '{buildName}'");
}
