namespace VenvStacks.Packaging.Index;

/// <summary>
/// Why index access failed. The numeric values are the proposed diagnostic numbers (<c>VSTK2101</c>…) so that a
/// front end can map a code with <c>$"VSTK{(int)code}"</c>.
/// </summary>
public enum IndexErrorCode
{
    /// <summary>The server answered with a status that is not worth retrying (404 for a file, 410, 400, …).</summary>
    HttpStatus = 2101,

    /// <summary>The server refused the request (401 or 403): credentials are missing or wrong.</summary>
    Unauthorized = 2102,

    /// <summary>A transient failure (connection error, timeout, 429, 5xx) persisted through every retry.</summary>
    TransientFailure = 2103,

    /// <summary>A downloaded file or metadata file does not match the hash the index advertised.</summary>
    HashMismatch = 2104,

    /// <summary>Offline mode, and the page or file is not in the cache.</summary>
    OfflineCacheMiss = 2105,

    /// <summary>An index response cannot be used: unparseable JSON or HTML, an unsupported API version or media type,
    /// or too many redirects.</summary>
    InvalidIndexResponse = 2106,

    /// <summary>A distribution file is unusable: not a valid wheel, no or several <c>.dist-info/METADATA</c>, invalid
    /// metadata, or metadata whose name/version disagree with the file name.</summary>
    InvalidDistribution = 2107,

    /// <summary>A find-links folder or flat index location does not exist or cannot be read.</summary>
    FindLinksUnavailable = 2108,

    /// <summary>The index configuration refers to an index name that is not defined.</summary>
    UnknownIndex = 2109,

    /// <summary>The cache folder cannot be written or read.</summary>
    CacheFailure = 2110,
}
