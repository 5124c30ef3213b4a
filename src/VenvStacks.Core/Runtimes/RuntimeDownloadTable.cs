using System.Collections.Frozen;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// A runtime download table in the <c>python-build-standalone/v1</c> format of
/// <c>src/VenvStacks.Core/Runtimes/python-build-standalone.json</c> (its README describes the format): for each exact
/// CPython version, the archive of each target platform that has one. Immutable; read with
/// <see cref="RuntimeDownloadTableReader"/>.
/// </summary>
public sealed class RuntimeDownloadTable
{
    /// <summary>The format name every table declares.</summary>
    public const string Format = "python-build-standalone/v1";

    internal RuntimeDownloadTable(
        string source,
        IReadOnlyDictionary<string, IReadOnlyDictionary<TargetPlatform, RuntimeArchive>> versions,
        IEnumerable<string> freeThreadedOnlyVersions)
    {
        Source = source;
        Versions = versions.ToFrozenDictionary(StringComparer.Ordinal);
        FreeThreadedOnlyVersions = freeThreadedOnlyVersions.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Where the table came from, as messages show it: a noun phrase such as <c>the runtime table
    /// /path/table.json</c> (URLs redacted) or <c>the embedded runtime table (frostming/pbs-installer 2026.08.07)</c>.</summary>
    public string Source { get; }

    /// <summary>Exact version → platform → archive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<TargetPlatform, RuntimeArchive>> Versions { get; }

    /// <summary>Versions the table's source only had free-threaded builds of, so it leaves them out (named in the
    /// message when one is asked for).</summary>
    public IReadOnlySet<string> FreeThreadedOnlyVersions { get; }

    /// <summary>The archive for a version and platform, or null.</summary>
    public RuntimeArchive? Find(string version, TargetPlatform platform) =>
        Versions.TryGetValue(version, out var platforms) && platforms.TryGetValue(platform, out var archive) ? archive : null;
}
