using System.Collections.Immutable;
using VenvStacks.Packaging.Caching;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Core.Locking;

/// <summary>Where and how the lock engine reaches packages, beyond what the spec says.</summary>
/// <param name="CacheDirectory">The download cache root (null: <see cref="CacheDirectory.GetDefault"/>).</param>
/// <param name="LocalWheelDirectories">Folders of wheels searched for every package (uv's find-links).</param>
/// <param name="NoIndex">Use no package index at all, only local wheel folders (and flat indexes).</param>
/// <param name="Offline">Serve pages and files only from the cache.</param>
/// <param name="EnvironmentVariables">Variables credentials are read from (<c>UV_INDEX_*</c>, <c>NETRC</c>); null: the process's.</param>
/// <param name="Log">Receives index events (requests, cache hits, retries), URLs redacted; null: none.</param>
public sealed record LockEnvironment(
    string? CacheDirectory,
    ImmutableArray<string> LocalWheelDirectories,
    bool NoIndex,
    bool Offline,
    IReadOnlyDictionary<string, string>? EnvironmentVariables,
    Action<IndexEvent>? Log)
{
    /// <summary>Defaults: per-user cache, public indexes, no local wheels.</summary>
    public static LockEnvironment Default { get; } = new(null, [], false, false, null, null);
}
