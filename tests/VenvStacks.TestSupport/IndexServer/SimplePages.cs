using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace VenvStacks.TestSupport.IndexServer;

/// <summary>Renders simple-repository pages: PEP 691 JSON and PEP 503 HTML (with the PEP 592/658/714 attributes).</summary>
internal sealed class SimplePages(LocalIndexServerOptions options, Func<ServedFile, string, string> fileHref)
{
    public byte[] ProjectJson(string project, IReadOnlyList<ServedFile> files)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteMeta(json);
            json.WriteString("name", project);
            if (IsApi11)
            {
                json.WriteStartArray("versions");
                foreach (var version in files.Select(f => f.Version).Distinct(StringComparer.Ordinal))
                {
                    json.WriteStringValue(version);
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("files");
            foreach (var file in files)
            {
                WriteFile(json, file, fileHref(file, "json"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public byte[] ProjectHtml(string project, IReadOnlyList<ServedFile> files)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n  <head>\n");
        html.Append("    <meta name=\"pypi:repository-version\" content=\"").Append(options.ApiVersion).Append("\">\n");
        html.Append("    <title>Links for ").Append(WebUtility.HtmlEncode(project)).Append("</title>\n  </head>\n  <body>\n");
        html.Append("    <h1>Links for ").Append(WebUtility.HtmlEncode(project)).Append("</h1>\n");
        foreach (var file in files)
        {
            AppendAnchor(html, file, fileHref(file, "html"));
        }

        html.Append("  </body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    public byte[] RootJson(IEnumerable<string> projects)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteMeta(json);
            json.WriteStartArray("projects");
            foreach (var project in projects)
            {
                json.WriteStartObject();
                json.WriteString("name", project);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public byte[] RootHtml(IEnumerable<string> projects)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n  <head>\n");
        html.Append("    <meta name=\"pypi:repository-version\" content=\"").Append(options.ApiVersion).Append("\">\n");
        html.Append("    <title>Simple index</title>\n  </head>\n  <body>\n");
        foreach (var project in projects)
        {
            var encoded = WebUtility.HtmlEncode(project);
            html.Append("    <a href=\"").Append(encoded).Append("/\">").Append(encoded).Append("</a><br/>\n");
        }

        html.Append("  </body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>A find-links style page: plain anchors to every file, no repository metadata.</summary>
    public byte[] FlatHtml(IReadOnlyList<ServedFile> files)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n  <body>\n");
        foreach (var file in files)
        {
            var href = fileHref(file, "flat");
            if (options.IncludeHashes)
            {
                href += "#sha256=" + (file.AdvertisedSha256 ?? file.Sha256);
            }

            html.Append("    <a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">")
                .Append(WebUtility.HtmlEncode(file.FileName)).Append("</a><br/>\n");
        }

        html.Append("  </body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>Whether the pages advertise the file's core metadata (PEP 658), and so the server serves it.</summary>
    public bool OffersMetadata(ServedFile file) => options.ServeCoreMetadata && file.ServeMetadata && file.Metadata is not null;

    private bool IsApi11 => !options.ApiVersion.StartsWith("1.0", StringComparison.Ordinal);

    private void WriteMeta(Utf8JsonWriter json)
    {
        json.WriteStartObject("meta");
        json.WriteString("api-version", options.ApiVersion);
        json.WriteEndObject();
    }

    private void WriteFile(Utf8JsonWriter json, ServedFile file, string href)
    {
        json.WriteStartObject();
        json.WriteString("filename", file.FileName);
        json.WriteString("url", href);
        json.WriteStartObject("hashes");
        if (options.IncludeHashes)
        {
            json.WriteString("sha256", file.AdvertisedSha256 ?? file.Sha256);
        }

        json.WriteEndObject();
        if (file.RequiresPython is not null)
        {
            json.WriteString("requires-python", file.RequiresPython);
        }

        if (file.YankedReason is null)
        {
            json.WriteBoolean("yanked", false);
        }
        else if (file.YankedReason.Length == 0)
        {
            json.WriteBoolean("yanked", true);
        }
        else
        {
            json.WriteString("yanked", file.YankedReason);
        }

        foreach (var key in new[] { "core-metadata", "dist-info-metadata" })
        {
            if (OffersMetadata(file))
            {
                json.WriteStartObject(key);
                json.WriteString("sha256", file.AdvertisedMetadataSha256 ?? file.MetadataSha256);
                json.WriteEndObject();
            }
            else
            {
                json.WriteBoolean(key, false);
            }
        }

        if (IsApi11)
        {
            json.WriteNumber("size", file.Content.LongLength);
            if (options.IncludeUploadTimes && file.UploadTime is { } uploaded)
            {
                json.WriteString(
                    "upload-time",
                    uploaded.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            }
        }

        json.WriteEndObject();
    }

    private void AppendAnchor(StringBuilder html, ServedFile file, string href)
    {
        if (options.IncludeHashes)
        {
            href += "#sha256=" + (file.AdvertisedSha256 ?? file.Sha256);
        }

        html.Append("    <a href=\"").Append(WebUtility.HtmlEncode(href)).Append('"');
        if (file.RequiresPython is not null)
        {
            html.Append(" data-requires-python=\"").Append(WebUtility.HtmlEncode(file.RequiresPython)).Append('"');
        }

        if (file.YankedReason is not null)
        {
            html.Append(" data-yanked=\"").Append(WebUtility.HtmlEncode(file.YankedReason)).Append('"');
        }

        if (OffersMetadata(file))
        {
            var value = "sha256=" + (file.AdvertisedMetadataSha256 ?? file.MetadataSha256);
            html.Append(" data-dist-info-metadata=\"").Append(value).Append('"');
            html.Append(" data-core-metadata=\"").Append(value).Append('"');
        }

        html.Append('>').Append(WebUtility.HtmlEncode(file.FileName)).Append("</a><br/>\n");
    }
}
