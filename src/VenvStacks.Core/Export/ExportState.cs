using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Json;
using VenvStacks.Packaging.IO;

namespace VenvStacks.Core.Export;

/// <summary>What an earlier export recorded about one layer.</summary>
/// <param name="InstallTarget">The folder it was exported to.</param>
/// <param name="Complete">Whether the export finished (false while it is being replaced; such a folder is redone).</param>
/// <param name="LastBuild"><c>sha256:</c> of the <c>.last-build.json</c> it was exported from.</param>
/// <param name="PostInstallScript"><c>sha256:</c> of the <c>postinstall.py</c> it was given.</param>
/// <param name="PostInstalledAt">Where post-install last ran for it, or null when it did not run.</param>
internal sealed record ExportStateEntry(string InstallTarget, bool Complete, string LastBuild, string PostInstallScript, string? PostInstalledAt);

/// <summary>
/// This SDK's record of what it exported into an output folder, <c>__venvstacks__/venvstacks_sdk_export.json</c>, next to
/// venvstacks' own metadata (which must keep venvstacks' field set, docs/venvstacks-reference.md §5). It is what makes
/// the skip decision exact (the whole build record, not only the metadata venvstacks compares, §9 item 8) and what
/// allows removing folders: only those recorded here or in the layer metadata are ever deleted.
/// </summary>
internal sealed class ExportState
{
    /// <summary>Bumped when what an export writes changes, so older exports are redone.</summary>
    public const int Format = 1;

    private readonly SortedDictionary<string, ExportStateEntry> _layers;

    private ExportState(SortedDictionary<string, ExportStateEntry> layers) => _layers = layers;

    public IReadOnlyDictionary<string, ExportStateEntry> Layers => _layers;

    /// <summary>The recorded state; empty when the file is missing or of another format, null when it is damaged.</summary>
    public static ExportState? Read(string path)
    {
        var layers = new SortedDictionary<string, ExportStateEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new ExportState(layers);
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject root || root["layers"] is not JsonObject entries)
            {
                return null;
            }

            if (root["format"] is not JsonValue format || !format.TryGetValue<int>(out var version) || version != Format)
            {
                return new ExportState(layers);
            }

            foreach (var (name, node) in entries)
            {
                if (node is not JsonObject entry)
                {
                    return null;
                }

                layers[name] = new ExportStateEntry(
                    Text(entry, "install_target") ?? throw new JsonException("install_target missing"),
                    entry["complete"] is JsonValue complete && complete.TryGetValue<bool>(out var done) && done,
                    Text(entry, "last_build") ?? string.Empty,
                    Text(entry, "postinstall") ?? string.Empty,
                    Text(entry, "post_installed_at"));
            }

            return new ExportState(layers);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A state with nothing recorded.</summary>
    public static ExportState Empty() => new(new SortedDictionary<string, ExportStateEntry>(StringComparer.Ordinal));

    public ExportStateEntry? Get(string layerName) => _layers.GetValueOrDefault(layerName);

    public void Set(string layerName, ExportStateEntry entry) => _layers[layerName] = entry;

    public void Remove(string layerName) => _layers.Remove(layerName);

    public Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var entries = new JsonObject();
        foreach (var (name, entry) in _layers)
        {
            entries[name] = new JsonObject
            {
                ["install_target"] = entry.InstallTarget,
                ["complete"] = entry.Complete,
                ["last_build"] = entry.LastBuild,
                ["postinstall"] = entry.PostInstallScript,
                ["post_installed_at"] = entry.PostInstalledAt,
            };
        }

        var json = new JsonObject { ["format"] = Format, ["layers"] = entries };
        return AtomicFile.WriteIfChangedAsync(path, PythonJson.SerializeFile(json), cancellationToken);
    }

    private static string? Text(JsonObject entry, string key) =>
        entry[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
