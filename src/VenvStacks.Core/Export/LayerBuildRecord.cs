using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Deployment;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Locking;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Export;

/// <summary>
/// A built layer's <c>&lt;build name&gt;.last-build.json</c> (docs/venvstacks-reference.md §3.10) as export uses it: its
/// hash (any change re-exports), its <c>layer_details</c> (the export metadata) and the platform it was built for.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Sha256"><c>sha256:</c> of its bytes.</param>
/// <param name="LayerDetails">Its <c>layer_details</c>.</param>
/// <param name="Platform">The platform the layer was built for.</param>
internal sealed record LayerBuildRecord(string Path, string Sha256, JsonObject LayerDetails, TargetPlatform Platform)
{
    /// <summary>The record next to the build folder <paramref name="layerPath"/>, or null when there is none.</summary>
    /// <exception cref="DeploymentException">VSTK4022: the file is damaged.</exception>
    public static LayerBuildRecord? TryRead(string layerPath)
    {
        var path = System.IO.Path.TrimEndingDirectorySeparator(layerPath) + ".last-build.json";
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            var json = JsonNode.Parse(bytes) as JsonObject;
            var platformName = json?[LastBuildRecord.ExtensionKey]?["target_platform"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
            if (json?["layer_details"] is not JsonObject details || !TargetPlatform.TryParse(platformName, out var platform))
            {
                throw OutOfDate(path, "it has no layer_details or target platform; build the layer again");
            }

            return new LayerBuildRecord(path, "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), details, platform);
        }
        catch (JsonException ex)
        {
            throw OutOfDate(path, $"it is not valid JSON ({ex.Message}); build the layer again");
        }
    }

    /// <summary>
    /// Checks that the build is of the layer's current lock and names the lower layers' current deployed folders
    /// (the build wrote them into <c>venvstacks_layer.json</c>).
    /// </summary>
    /// <param name="installTarget">The layer's deployed name now.</param>
    /// <param name="lockMetadata">The layer's lock metadata now.</param>
    /// <param name="runtimeLayer">The runtime's deployed name now.</param>
    /// <param name="requiredLayers">The frameworks' deployed names now, or null for a runtime layer.</param>
    /// <exception cref="DeploymentException">VSTK4022: any of them differs.</exception>
    public void CheckBuiltFrom(string installTarget, LockMetadata lockMetadata, string runtimeLayer, IReadOnlyList<string>? requiredLayers)
    {
        var expected = new List<(string Key, JsonNode Value)>
        {
            ("install_target", JsonValue.Create(installTarget)),
            ("lock_version", JsonValue.Create(lockMetadata.LockVersion)),
            ("requirements_hash", JsonValue.Create(lockMetadata.RequirementsHash)),
            ("runtime_layer", JsonValue.Create(runtimeLayer)),
        };
        if (requiredLayers is not null)
        {
            expected.Add(("required_layers", new JsonArray(requiredLayers.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray())));
        }

        var differing = expected
            .Where(e => LayerDetails[e.Key]?.ToJsonString() != e.Value.ToJsonString())
            .Select(e => $"{e.Key} {LayerDetails[e.Key]?.ToJsonString() ?? "missing"} (now: {e.Value.ToJsonString()})")
            .ToList();
        if (differing.Count > 0)
        {
            throw OutOfDate(Path, $"the build is not of the current lock and lower layers: {string.Join(", ", differing)}; build the layer again");
        }
    }

    private static DeploymentException OutOfDate(string path, string reason) =>
        new(DiagnosticCodes.ExportBuildOutOfDate, $"{path}: {reason}", path);
}
