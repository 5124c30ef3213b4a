namespace VenvStacks.Packaging.Index;

/// <summary>How an <see cref="IndexClient"/> talks to indexes and where it caches.</summary>
public sealed record IndexClientOptions
{
    /// <summary>The cache root (shared safely between processes). Defaults to <see cref="Caching.CacheDirectory.GetDefault"/>.</summary>
    public string CacheDirectory { get; init; } = Caching.CacheDirectory.GetDefault();

    /// <summary>Never touch the network: pages and files come only from the cache (a miss is
    /// <see cref="IndexErrorCode.OfflineCacheMiss"/>). Local find-links folders still work.</summary>
    public bool Offline { get; init; }

    /// <summary>How many HTTP requests may be in flight at once.</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>Retries after a transient failure (connection error, timeout, 408, 429, 5xx); 0 disables retrying.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry delay; each further retry doubles it, with ±50 % jitter. A <c>Retry-After</c> header wins
    /// when it asks for longer (up to <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for a response's headers.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a response body may stall before the attempt counts as timed out.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Environment variables for credential lookup (<c>UV_INDEX_{NAME}_USERNAME</c>/<c>_PASSWORD</c>,
    /// <c>NETRC</c>, <c>HOME</c>/<c>USERPROFILE</c>); null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The <c>.netrc</c> file to read; null means <c>$NETRC</c>, else <c>~/.netrc</c> (or <c>~/_netrc</c>).
    /// An empty string disables netrc lookup.</summary>
    public string? NetrcPath { get; init; }

    /// <summary>Receives progress and retry events (credential-free).</summary>
    public Action<IndexEvent>? Log { get; init; }

    /// <summary>A custom HTTP handler (proxies, tests). It must not follow redirects itself: the client follows them so
    /// that credentials never travel to another origin. Null uses a <see cref="System.Net.Http.SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string UserAgent { get; init; } = "venvstacks-sdk/" + typeof(IndexClientOptions).Assembly.GetName().Version?.ToString(3);
}
