using VenvStacks.Core.Specs;
using VenvStacks.Core.Specs.Tooling;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;

namespace VenvStacks.Core.Locking;

/// <summary>
/// Turns a layer's index settings into the index client's configuration: the stack's <c>[tool.uv]</c> indexes
/// (relative local paths taken from the spec folder), the layer's priority indexes and package routing, local wheel
/// folders and "no index" (docs/venvstacks-reference.md §2.3).
/// </summary>
internal static class LayerIndexConfiguration
{
    public static IndexConfiguration For(StackSpec spec, LayerSpec layer, LockEnvironment environment)
    {
        var declared = spec.ToolConfig.Indexes.Select(i => ToSource(spec, i)).ToList();
        var findLinks = environment.LocalWheelDirectories
            .Select(d => IndexSource.Flat(Path.GetFullPath(d, spec.SpecDirectory)))
            .ToList();
        var configuration = IndexConfiguration.ForLayer(
            declared,
            spec.ToolConfig.Sources,
            layer.PriorityIndexes,
            layer.PackageIndexes,
            findLinks,
            environment.NoIndex);
        return configuration with { ExcludeNewer = spec.ToolConfig.ExcludeNewer?.Cutoff };
    }

    private static IndexSource ToSource(StackSpec spec, PackageIndex index)
    {
        var location = index.Url;
        if (!Uri.TryCreate(location, UriKind.Absolute, out _))
        {
            // uv reads a relative index location as a path from the configuration file's folder.
            location = Path.GetFullPath(location, Path.GetDirectoryName(spec.ToolConfig.SourcePath ?? spec.SpecPath)!);
        }

        return IndexSource.Create(location, index.IsFlat ? IndexFormat.Flat : IndexFormat.Simple, index.Name, index.Explicit, index.Default);
    }
}
