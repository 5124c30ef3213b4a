using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;

namespace VenvStacks.Core.Deployment;

/// <summary>Reads a layer's <c>share/venv/metadata/venvstacks_layer.json</c> (docs/venvstacks-reference.md §3.9).</summary>
public static class DeployedLayerConfigReader
{
    /// <summary>Reads the configuration file at <paramref name="path"/>.</summary>
    /// <exception cref="DeploymentException">VSTK4025: missing, not JSON, or a key is missing or of the wrong type.</exception>
    public static async Task<DeployedLayerConfig> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        JsonObject json;
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            json = JsonNode.Parse(text) as JsonObject ?? throw Invalid(path, "it does not hold a JSON object");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Invalid(path, ex.Message, ex);
        }

        return new DeployedLayerConfig(
            Python: Text(json, "python", path),
            PyVersion: Text(json, "py_version", path),
            BasePython: Text(json, "base_python", path),
            SiteDir: Text(json, "site_dir", path),
            PylibDirs: Texts(json, "pylib_dirs", path),
            DynlibDirs: Texts(json, "dynlib_dirs", path),
            LaunchModule: json.ContainsKey("launch_module") ? Text(json, "launch_module", path) : null);
    }

    private static string Text(JsonObject json, string key, string path) =>
        json[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw Invalid(path, $"'{key}' must be a non-empty string");

    private static ImmutableArray<string> Texts(JsonObject json, string key, string path)
    {
        if (json[key] is not JsonArray array)
        {
            throw Invalid(path, $"'{key}' must be a list of non-empty strings");
        }

        return array
            .Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
                ? text
                : throw Invalid(path, $"'{key}' must be a list of non-empty strings"))
            .ToImmutableArray();
    }

    private static DeploymentException Invalid(string path, string reason, Exception? inner = null) =>
        new(DiagnosticCodes.InvalidDeployedLayerConfig, $"{path}: {reason}", path, inner);
}
