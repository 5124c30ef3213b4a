using System.Collections.Immutable;
using System.Text;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Hashing;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>
/// Reads a PEP 503 project page (or a flat find-links page): every anchor with an href is a file. Links resolve
/// against the page URL, or a <c>&lt;base href&gt;</c> when the page has one; <c>#sha256=</c> fragments give hashes;
/// <c>data-requires-python</c>, <c>data-yanked</c> (PEP 592) and <c>data-core-metadata</c> /
/// <c>data-dist-info-metadata</c> (PEP 658/714) are honoured.
/// </summary>
internal static class SimpleHtmlParser
{
    public static ParsedListing Parse(ReadOnlySpan<byte> body, Uri pageUrl)
    {
        var html = Encoding.UTF8.GetString(body);
        var baseUrl = pageUrl;
        string? apiVersion = null;
        var files = ImmutableArray.CreateBuilder<ListedFile>();
        var baseSeen = false;
        foreach (var tag in HtmlTagScanner.Scan(html))
        {
            switch (tag.Name)
            {
                case "base" when !baseSeen && tag.Attributes.TryGetValue("href", out var baseHref):
                    baseSeen = true;
                    if (Uri.TryCreate(pageUrl, baseHref.Trim(), out var resolvedBase))
                    {
                        baseUrl = UrlRedactor.StripCredentials(resolvedBase);
                    }

                    break;
                case "meta" when tag.Attributes.GetValueOrDefault("name") == "pypi:repository-version":
                    apiVersion = tag.Attributes.GetValueOrDefault("content");
                    ApiVersions.Check(apiVersion, pageUrl);
                    break;
                case "a" when tag.Attributes.TryGetValue("href", out var href) && href.Length > 0:
                    if (ToFile(tag, href, baseUrl) is { } file)
                    {
                        files.Add(file);
                    }

                    break;
            }
        }

        return new ParsedListing(apiVersion, files.ToImmutable(), []);
    }

    private static ListedFile? ToFile(HtmlTag anchor, string href, Uri baseUrl)
    {
        if (!LinkUrls.TryResolve(baseUrl, href, out var url, out var hashes, out var credentials))
        {
            return null;
        }

        var fileName = LinkUrls.FileNameOf(url);
        if (fileName.Length == 0)
        {
            return null;
        }

        var attributes = anchor.Attributes;
        var metadata = attributes.GetValueOrDefault("data-core-metadata") ?? attributes.GetValueOrDefault("data-dist-info-metadata");
        return new ListedFile(
            fileName,
            url,
            credentials,
            hashes,
            attributes.GetValueOrDefault("data-requires-python") is { Length: > 0 } requiresPython ? requiresPython : null,
            attributes.GetValueOrDefault("data-yanked"),
            metadata is null ? null : MetadataFile(metadata),
            null,
            null);
    }

    // "true" says the file exists without a hash; "algo=hex" gives one; anything else is treated like "true", as pip does.
    private static CoreMetadataFile MetadataFile(string value)
    {
        var pair = value.Split('=', 2);
        return pair.Length == 2
            ? new CoreMetadataFile(FileHashes.Clean([new(pair[0], pair[1])]))
            : new CoreMetadataFile(ImmutableDictionary<string, string>.Empty);
    }
}
