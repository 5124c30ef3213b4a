using System.Text.Json;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IO;

namespace VenvStacks.Packaging.Caching;

/// <summary>
/// Index pages on disk, one file per URL: a magic line, a JSON line with the validators, then the body. One file
/// (written atomically) rather than a pair, so a reader never combines one response's headers with another's body.
/// </summary>
internal sealed class PageCache(CacheLayout layout)
{
    private static readonly byte[] Magic = "venvstacks-page-v1\n"u8.ToArray();

    public async Task<CachedPage?> TryReadAsync(Uri url, CancellationToken cancellationToken)
    {
        var path = layout.Page(url);
        byte[] data;
        try
        {
            data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageIndexException(IndexErrorCode.CacheFailure, $"Cannot read the cached copy of {UrlRedactor.Redact(url)}: {e.Message}", url, innerException: e);
        }

        return Decode(data);
    }

    public async Task WriteAsync(CachedPage page, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("url", page.Url.AbsoluteUri);
            json.WriteString("final_url", page.FinalUrl.AbsoluteUri);
            json.WriteString("content_type", page.ContentType);
            json.WriteString("etag", page.ETag);
            json.WriteString("last_modified", page.LastModified);
            json.WriteNumber("status", page.Status);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        buffer.Write(page.Body);
        try
        {
            await AtomicFile.WriteAsync(layout.Page(page.Url), buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw layout.WriteFailure(page.Url, e);
        }
    }

    private static CachedPage? Decode(byte[] data)
    {
        if (!data.AsSpan().StartsWith(Magic))
        {
            return null;
        }

        var headerEnd = data.AsSpan(Magic.Length).IndexOf((byte)'\n');
        if (headerEnd < 0)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(data.AsMemory(Magic.Length, headerEnd));
            var root = header.RootElement;
            return new CachedPage(
                new Uri(root.GetProperty("url").GetString()!),
                new Uri(root.GetProperty("final_url").GetString()!),
                root.GetProperty("content_type").GetString(),
                root.GetProperty("etag").GetString(),
                root.GetProperty("last_modified").GetString(),
                data[(Magic.Length + headerEnd + 1)..],
                root.GetProperty("status").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException or FormatException)
        {
            // A damaged entry is a cache miss, never an error.
            return null;
        }
    }
}
