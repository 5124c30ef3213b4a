using System.Text.Json.Nodes;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// The manifest <c>{"layers": {"applications": [...], "frameworks": [...], "runtimes": [...]}}</c>
/// (docs/venvstacks-reference.md §4.5), each list in the order the layers are given.
/// </summary>
internal static class PublishManifest
{
    public static string Category(LayerKind kind) => kind switch
    {
        LayerKind.Runtime => "runtimes",
        LayerKind.Framework => "frameworks",
        _ => "applications",
    };

    public static JsonObject Create(IEnumerable<(LayerKind Kind, JsonObject Metadata)> layers)
    {
        var categories = new JsonObject
        {
            [Category(LayerKind.Application)] = new JsonArray(),
            [Category(LayerKind.Framework)] = new JsonArray(),
            [Category(LayerKind.Runtime)] = new JsonArray(),
        };
        foreach (var (kind, metadata) in layers)
        {
            categories[Category(kind)]!.AsArray().Add(metadata.DeepClone());
        }

        return new JsonObject { [PublishMetadataKeys.Layers] = categories };
    }

    /// <summary>The entries of a manifest by layer name and category; entries without a name are skipped.</summary>
    public static Dictionary<(LayerKind Kind, string LayerName), JsonObject> Entries(JsonObject? manifest)
    {
        var entries = new Dictionary<(LayerKind, string), JsonObject>();
        if (manifest?[PublishMetadataKeys.Layers] is not JsonObject categories)
        {
            return entries;
        }

        foreach (var kind in new[] { LayerKind.Runtime, LayerKind.Framework, LayerKind.Application })
        {
            if (categories[Category(kind)] is not JsonArray list)
            {
                continue;
            }

            foreach (var entry in list.OfType<JsonObject>())
            {
                if (entry[PublishMetadataKeys.LayerName] is JsonValue name && name.TryGetValue<string>(out var layerName))
                {
                    entries[(kind, layerName)] = entry;
                }
            }
        }

        return entries;
    }
}
