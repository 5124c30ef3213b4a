namespace VenvStacks.Packaging.Index;

/// <summary>
/// Why index access failed. A front end maps each kind to its own diagnostic codes (VenvStacks.Core does so in
/// <c>IndexDiagnostics</c>); the standards library carries no product numbering.
/// </summary>
public enum IndexErrorCode
{
    /// <summary>The server answered with a status that is not worth retrying (404 for a file, 410, 400, …).</summary>
    HttpStatus,

    /// <summary>The server refused the request (401 or 403): credentials are missing or wrong.</summary>
    Unauthorized,

    /// <summary>A transient failure (connection error, timeout, 429, 5xx) persisted through every retry.</summary>
    TransientFailure,

    /// <summary>A downloaded file or metadata file does not match the hash the index advertised.</summary>
    HashMismatch,

    /// <summary>Offline mode, and the page or file is not in the cache.</summary>
    OfflineCacheMiss,

    /// <summary>An index response cannot be used: unparseable JSON or HTML, an unsupported API version or media type,
    /// or too many redirects.</summary>
    InvalidIndexResponse,

    /// <summary>A distribution file is unusable: not a valid wheel, no or several <c>.dist-info/METADATA</c>, invalid
    /// metadata, or metadata whose name/version disagree with the file name.</summary>
    InvalidDistribution,

    /// <summary>A find-links folder or flat index location does not exist or cannot be read.</summary>
    FindLinksUnavailable,

    /// <summary>The index configuration refers to an index name that is not defined.</summary>
    UnknownIndex,

    /// <summary>The cache folder cannot be written or read.</summary>
    CacheFailure,
}
