namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Where runtimes come from and where they are kept. Offline mode is the index client's
/// (<c>IndexClientOptions.Offline</c>, <c>VenvStacksOffline</c>): one switch for packages and runtimes.
/// </summary>
public sealed record RuntimeSourceOptions
{
    /// <summary>
    /// <c>VenvStacksPythonDownloads</c>: a path or an http, https or file URL of a table in the format of the embedded
    /// one, whose entries take precedence over it (like uv's <c>python-downloads-json-url</c>), so an organisation can
    /// pin its own builds. Relative <c>url</c> values resolve against the table's location. Null: the embedded table only.
    /// </summary>
    public string? DownloadsTable { get; init; }

    /// <summary>
    /// <c>VenvStacksPythonMirror</c>: a base URL or a local folder replacing the GitHub release host (see
    /// <see cref="RuntimeMirror"/>). Null: archives come from their table URLs.
    /// </summary>
    public string? Mirror { get; init; }

    /// <summary>The cache root; runtimes live in its <c>runtimes/</c> folder. Null: the index client's cache root
    /// (<c>VENVSTACKS_CACHE_DIR</c>, else the per-user cache folder), so both caches move together.</summary>
    public string? CacheRoot { get; init; }

    /// <summary>How long to wait for another build preparing the same runtime; <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits until canceled.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
