using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Hashing;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>
/// Reads a PEP 691 JSON project page, with the PEP 700 additions (<c>versions</c>, <c>size</c>, <c>upload-time</c>)
/// and PEP 714's <c>core-metadata</c> key (falling back to <c>dist-info-metadata</c>).
/// </summary>
internal static class SimpleJsonParser
{
    public static ParsedListing Parse(ReadOnlyMemory<byte> body, Uri pageUrl)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(pageUrl, "the document is not a JSON object");
            }

            string? apiVersion = null;
            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object &&
                meta.TryGetProperty("api-version", out var version) && version.ValueKind == JsonValueKind.String)
            {
                apiVersion = version.GetString();
                ApiVersions.Check(apiVersion, pageUrl);
            }

            if (!root.TryGetProperty("files", out var filesElement) || filesElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(pageUrl, "there is no 'files' array");
            }

            var files = ImmutableArray.CreateBuilder<ListedFile>();
            foreach (var element in filesElement.EnumerateArray())
            {
                if (ToFile(element, pageUrl) is { } file)
                {
                    files.Add(file);
                }
            }

            var versions = root.TryGetProperty("versions", out var versionsElement) && versionsElement.ValueKind == JsonValueKind.Array
                ? versionsElement.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToImmutableArray()
                : [];
            return new ParsedListing(apiVersion, files.ToImmutable(), versions);
        }
        catch (JsonException e)
        {
            throw new PackageIndexException(
                IndexErrorCode.InvalidIndexResponse,
                $"{UrlRedactor.Redact(pageUrl)} is not valid simple-repository JSON: {e.Message}",
                pageUrl,
                innerException: e);
        }
    }

    private static ListedFile? ToFile(JsonElement element, Uri pageUrl)
    {
        if (element.ValueKind != JsonValueKind.Object ||
            String(element, "filename") is not { Length: > 0 } fileName ||
            String(element, "url") is not { Length: > 0 } href ||
            !LinkUrls.TryResolve(pageUrl, href, out var url, out var fragmentHashes, out var credentials))
        {
            return null;
        }

        var hashes = element.TryGetProperty("hashes", out var hashesElement) && hashesElement.ValueKind == JsonValueKind.Object
            ? Hashes(hashesElement)
            : ImmutableDictionary<string, string>.Empty;
        foreach (var (algorithm, digest) in fragmentHashes)
        {
            hashes = hashes.ContainsKey(algorithm) ? hashes : hashes.Add(algorithm, digest);
        }

        return new ListedFile(
            fileName,
            url,
            credentials,
            hashes,
            String(element, "requires-python") is { Length: > 0 } requiresPython ? requiresPython : null,
            Yanked(element),
            Metadata(element),
            UploadTime(element),
            element.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) ? bytes : null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Yanked(JsonElement element)
    {
        if (!element.TryGetProperty("yanked", out var yanked))
        {
            return null;
        }

        return yanked.ValueKind switch
        {
            JsonValueKind.True => string.Empty,
            JsonValueKind.String => yanked.GetString(),
            _ => null,
        };
    }

    private static CoreMetadataFile? Metadata(JsonElement element)
    {
        if (!element.TryGetProperty("core-metadata", out var value) && !element.TryGetProperty("dist-info-metadata", out value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => new CoreMetadataFile(ImmutableDictionary<string, string>.Empty),
            JsonValueKind.Object => new CoreMetadataFile(Hashes(value)),
            _ => null,
        };
    }

    /// <summary>A <c>{"algorithm": "digest"}</c> object's string entries, cleaned.</summary>
    private static ImmutableDictionary<string, string> Hashes(JsonElement hashes) =>
        FileHashes.Clean(hashes.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)));

    private static DateTimeOffset? UploadTime(JsonElement element) =>
        String(element, "upload-time") is { } text &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static PackageIndexException Invalid(Uri pageUrl, string reason) =>
        new(IndexErrorCode.InvalidIndexResponse, $"{UrlRedactor.Redact(pageUrl)} is not a simple-repository JSON page: {reason}.", pageUrl);
}
