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
    /// <exception cref="IndexLocationException">An index the layer uses is a local folder that does not exist.</exception>
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
        CheckLocalFolders(spec, declared, configuration);
        return configuration with { ExcludeNewer = spec.ToolConfig.ExcludeNewer?.Cutoff };
    }

    // The index client would find no page in a missing folder and the resolver would report every requirement as
    // unknown; a folder can only be checked now, not when the spec is read, as it may be made by an earlier step.
    private static void CheckLocalFolders(StackSpec spec, List<IndexSource> declared, IndexConfiguration configuration)
    {
        var used = configuration.SearchOrder.Concat(configuration.Sources.Values).Select(s => s.Url).ToHashSet();
        for (var i = 0; i < declared.Count; i++)
        {
            var source = declared[i];
            if (source.LocalPath is not { } folder || !used.Contains(source.Url)
                || Directory.Exists(folder) || (source.Format == IndexFormat.Flat && File.Exists(folder)))
            {
                continue;
            }

            var index = spec.ToolConfig.Indexes[i];
            var name = index.Name is null ? "A package index" : $"Package index '{index.Name}'";
            throw new IndexLocationException(
                $"{name} is the local folder {folder}, which does not exist (url \"{index.Url}\"; relative paths start from the folder of {Path.GetFileName(spec.ToolConfig.SourcePath ?? spec.SpecPath)})",
                index.UrlLocation ?? index.Location);
        }
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
