using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// Reads a JSON object a previous publish wrote (a layer's metadata or the manifest). A file that is missing gives
/// null; one that cannot be read or is not a JSON object gives null with a VSTK4044 warning, so that the layer is
/// archived again and the file rewritten instead of the publish failing on its own output.
/// </summary>
internal static class PreviousMetadataFile
{
    public static async Task<JsonObject?> ReadAsync(string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            if (JsonNode.Parse(text) is JsonObject json)
            {
                return json;
            }

            Unreadable(path, "it is not a JSON object", diagnostics);
        }
        catch (JsonException e)
        {
            Unreadable(path, e.Message, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable(path, e.Message, diagnostics);
        }

        return null;
    }

    private static void Unreadable(string path, string reason, DiagnosticBag diagnostics) =>
        diagnostics.Warning(
            DiagnosticCodes.PublishPreviousMetadataUnreadable,
            $"Previously published metadata '{path}' cannot be read ({reason}); it is ignored and written again",
            SourceLocation.FileOnly(path));
}
