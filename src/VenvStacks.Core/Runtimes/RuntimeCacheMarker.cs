using System.Text.Json;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// The completion marker of a runtime cache entry, <c>venvstacks-runtime.json</c> beside the runtime folder: written
/// last into the staging folder before it is renamed into place, so an entry without a readable marker that matches
/// its archive is a damaged one and is redone. It also records where the runtime came from.
/// </summary>
/// <param name="Version">The CPython version.</param>
/// <param name="Platform">The target platform name.</param>
/// <param name="Variant">The archive variant.</param>
/// <param name="FileName">The archive's file name.</param>
/// <param name="Source">The credential-free URL the archive was taken from (after any mirror).</param>
/// <param name="Sha256">The archive's verified sha256.</param>
/// <param name="Interpreter">The interpreter path relative to the runtime folder.</param>
/// <param name="Removed">The distributions removed after extraction (<c>pip 24.0</c>, ...).</param>
internal sealed record RuntimeCacheMarker(
    string Version,
    string Platform,
    string Variant,
    string FileName,
    string Source,
    string Sha256,
    string Interpreter,
    IReadOnlyList<string> Removed)
{
    public const string FileNameOnDisk = "venvstacks-runtime.json";

    private const string Format = "venvstacks-runtime/v1";

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("version", Version);
            json.WriteString("platform", Platform);
            json.WriteString("variant", Variant);
            json.WriteString("archive", FileName);
            json.WriteString("source", Source);
            json.WriteString("sha256", Sha256);
            json.WriteString("interpreter", Interpreter.Replace(Path.DirectorySeparatorChar, '/'));
            json.WriteStartArray("removed");
            foreach (var distribution in Removed)
            {
                json.WriteStringValue(distribution);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The marker in <paramref name="path"/>, or null when it is missing, unreadable or of another format.</summary>
    public static RuntimeCacheMarker? TryRead(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            string Text(string name) => root.GetProperty(name).GetString() ?? throw new InvalidDataException(name);
            return Text("format") != Format
                ? null
                : new RuntimeCacheMarker(
                    Text("version"),
                    Text("platform"),
                    Text("variant"),
                    Text("archive"),
                    Text("source"),
                    Text("sha256"),
                    Text("interpreter").Replace('/', Path.DirectorySeparatorChar),
                    root.GetProperty("removed").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException
                                      or InvalidOperationException or InvalidDataException)
        {
            return null;
        }
    }
}
