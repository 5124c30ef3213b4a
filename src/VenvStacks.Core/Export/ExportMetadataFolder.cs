using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Json;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.IO;

namespace VenvStacks.Core.Export;

/// <summary>
/// <c>&lt;output&gt;/__venvstacks__/</c> of an export (docs/venvstacks-reference.md §5): <c>venvstacks.json</c> and
/// <c>env_metadata/&lt;layer_name&gt;.json</c> with venvstacks' common metadata fields (no <c>archive_*</c>, no
/// <c>target_platform</c>), written like Python's <c>json.dumps(indent=2, sort_keys=True)</c> plus a newline; and this
/// SDK's export state.
/// </summary>
internal sealed class ExportMetadataFolder(string outputDirectory)
{
    /// <summary>The metadata venvstacks records for an exported layer (§4.5 "all" fields and the layered/application ones).</summary>
    private static readonly string[] LayerFields =
    [
        "layer_name", "install_target", "requirements_hash", "lock_version", "locked_at", "runtime_layer",
        "python_implementation", "bound_to_implementation", "required_layers", "app_launch_module",
        "app_launch_module_hash", "app_support_modules",
    ];

    public string Directory { get; } = Path.Combine(outputDirectory, "__venvstacks__");

    public string ManifestPath => Path.Combine(Directory, "venvstacks.json");

    public string StatePath => Path.Combine(Directory, "venvstacks_sdk_export.json");

    private string LayersDirectory => Path.Combine(Directory, "env_metadata");

    /// <summary>The metadata file text of a layer from its build record's <c>layer_details</c>.</summary>
    public static string LayerText(JsonObject layerDetails) =>
        PythonJson.SerializeFile(new JsonObject(LayerFields
            .Where(layerDetails.ContainsKey)
            .Select(field => KeyValuePair.Create(field, layerDetails[field]?.DeepClone()))));

    public string LayerPath(string layerName) => Path.Combine(LayersDirectory, layerName + ".json");

    public string? ReadLayerText(string layerName)
    {
        var path = LayerPath(layerName);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Every layer with a metadata file, with the folder it records (null when unreadable).</summary>
    public IEnumerable<(string LayerName, string? InstallTarget)> ListLayers()
    {
        if (!System.IO.Directory.Exists(LayersDirectory))
        {
            yield break;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(LayersDirectory, "*.json"))
        {
            string? target = null;
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject json && json["install_target"] is JsonValue value)
                {
                    value.TryGetValue(out target);
                }
            }
            catch (JsonException)
            {
                // Its folder is unknown, so it is never deleted; the file itself still goes with its layer.
            }

            yield return (Path.GetFileNameWithoutExtension(file), target);
        }
    }

    public Task WriteLayerAsync(string layerName, string text, CancellationToken cancellationToken) =>
        AtomicFile.WriteIfChangedAsync(LayerPath(layerName), text, cancellationToken);

    public void DeleteLayer(string layerName)
    {
        if (File.Exists(LayerPath(layerName)))
        {
            File.Delete(LayerPath(layerName));
        }
    }

    /// <summary>Writes <c>venvstacks.json</c>: every exported layer's metadata by kind, in stack order.</summary>
    public Task WriteManifestAsync(StackSpec spec, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<LayerKind, JsonArray>
        {
            [LayerKind.Runtime] = [],
            [LayerKind.Framework] = [],
            [LayerKind.Application] = [],
        };
        foreach (var layer in spec.Layers)
        {
            if (ReadLayerText(layer.BuildName) is { } text)
            {
                groups[layer.Kind].Add(JsonNode.Parse(text));
            }
        }

        var manifest = new JsonObject
        {
            ["layers"] = new JsonObject
            {
                ["runtimes"] = groups[LayerKind.Runtime],
                ["frameworks"] = groups[LayerKind.Framework],
                ["applications"] = groups[LayerKind.Application],
            },
        };
        return AtomicFile.WriteIfChangedAsync(ManifestPath, PythonJson.SerializeFile(manifest), cancellationToken);
    }
}
