namespace VenvStacks.TestSupport.IndexServer;

/// <summary>How a <see cref="LocalIndexServer"/> behaves. Fixed for the server's lifetime; start a second server for a
/// second behaviour.</summary>
public sealed record LocalIndexServerOptions
{
    /// <summary>The formats offered on <c>/simple/</c>.</summary>
    public IndexApiMode Api { get; init; } = IndexApiMode.JsonAndHtml;

    /// <summary>Whether PEP 658/714 metadata files (<c>&lt;file&gt;.metadata</c>) are advertised and served for wheels.</summary>
    public bool ServeCoreMetadata { get; init; } = true;

    /// <summary>Whether PEP 700 <c>upload-time</c> values are written (JSON only; HTML has no such attribute).</summary>
    public bool IncludeUploadTimes { get; init; } = true;

    /// <summary>Whether sha256 hashes are advertised (JSON <c>hashes</c>, HTML <c>#sha256=</c> fragments).</summary>
    public bool IncludeHashes { get; init; } = true;

    /// <summary>Whether pages carry <c>ETag</c>/<c>Last-Modified</c> and answer conditional requests with <c>304</c>.</summary>
    public bool SupportConditionalRequests { get; init; } = true;

    /// <summary>When set, every request without these Basic credentials gets <c>401</c>.</summary>
    public BasicCredential? RequiredCredentials { get; init; }

    /// <summary>How pages link to files on this server.</summary>
    public FileUrlStyle FileUrls { get; init; } = FileUrlStyle.Relative;

    /// <summary>When set, pages link files to <c>{ExternalFileBase}{file name}</c> (for example another server's
    /// <see cref="LocalIndexServer.FilesUri"/>) instead of this server.</summary>
    public Uri? ExternalFileBase { get; init; }

    /// <summary>When set, <c>/files/{name}</c> answers <c>302</c> to <c>{RedirectFilesTo}{name}</c>.</summary>
    public Uri? RedirectFilesTo { get; init; }

    /// <summary>The simple API version written in pages (<c>1.1</c> includes PEP 700 fields).</summary>
    public string ApiVersion { get; init; } = "1.1";
}
