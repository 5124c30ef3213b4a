using System.Collections.Concurrent;
using System.Text.Json;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.Runtimes;
using VenvStacks.Packaging.Caching;

namespace VenvStacks.Core.Tests.Runtimes;

/// <summary>A test's own folder: a cache root (runtime and download caches) and room for tables and mirrors.</summary>
internal sealed class RuntimeScratch : IDisposable
{
    public RuntimeScratch() => Root = Directory.CreateTempSubdirectory("vstk-runtimes-").FullName;

    public string Root { get; }

    public string CacheRoot => Path.Combine(Root, "cache");

    public string RuntimesFolder => Path.Combine(CacheRoot, "runtimes");

    /// <summary>An index client on this test's cache, with no retries, credentials or netrc from the machine.</summary>
    public IndexClient Client(bool offline = false) => new(new IndexClientOptions
    {
        CacheDirectory = CacheRoot,
        Offline = offline,
        MaxRetries = 0,
        NetrcPath = string.Empty,
        Environment = new Dictionary<string, string>(),
    });

    public RuntimeSourceOptions Options(string? table = null, string? mirror = null) =>
        new() { DownloadsTable = table, Mirror = mirror, CacheRoot = CacheRoot };

    /// <summary>The cache entry the provider uses for an archive (to plant leftovers or hold its lock).</summary>
    public RuntimeCacheEntry EntryFor(TestRuntimeArchive runtime) =>
        new(CacheRoot, ArchiveFor(runtime), new RuntimeLayout(TargetPlatform.Parse(runtime.Platform), runtime.MinorVersion));

    /// <summary>What the runtimes folder holds, lock files aside: entry folders and any staging leftovers.</summary>
    public IReadOnlyList<string> CachedEntries() =>
        Directory.Exists(RuntimesFolder)
            ? Directory.EnumerateFileSystemEntries(RuntimesFolder).Select(p => Path.GetFileName(p)).Where(n => !n.EndsWith(".lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Files anywhere in the index download cache (verified files and temporary ones).</summary>
    public IReadOnlyList<string> DownloadCacheFiles() =>
        Directory.Exists(Path.Combine(CacheRoot, "index-v1"))
            ? Directory.EnumerateFiles(Path.Combine(CacheRoot, "index-v1"), "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}pages{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToArray()
            : [];

    /// <summary>Writes a one-entry table for <paramref name="runtime"/> with the given url (and its real sha256 unless
    /// another is given) into <paramref name="folder"/>; returns the table's path.</summary>
    public static string WriteTable(string folder, TestRuntimeArchive runtime, string url, string? sha256 = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "python-downloads.json");
        var table = new Dictionary<string, object>
        {
            ["format"] = RuntimeDownloadTable.Format,
            ["versions"] = new Dictionary<string, object>
            {
                [runtime.Version] = new Dictionary<string, object>
                {
                    [runtime.Platform] = new Dictionary<string, object?>
                    {
                        ["variant"] = runtime.Variant,
                        ["release_tag"] = runtime.ReleaseTag,
                        ["triple"] = runtime.Triple,
                        ["url"] = url,
                        ["sha256"] = sha256 ?? runtime.Sha256,
                    },
                },
            },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(table));
        return path;
    }

    /// <summary>The GitHub release URL python-build-standalone would publish the archive under.</summary>
    public static string ReleaseUrl(TestRuntimeArchive runtime) =>
        $"https://github.com/astral-sh/python-build-standalone/releases/download/{runtime.ReleaseTag}/{Uri.EscapeDataString(runtime.FileName)}";

    public static PythonImplementation Implementation(TestRuntimeArchive runtime) => PythonImplementation.Parse(runtime.PythonImplementation);

    public static TargetPlatform Platform(TestRuntimeArchive runtime) => TargetPlatform.Parse(runtime.Platform);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static RuntimeArchive ArchiveFor(TestRuntimeArchive runtime) =>
        new(runtime.Version, TargetPlatform.Parse(runtime.Platform), runtime.Variant, runtime.ReleaseTag, runtime.Triple, new Uri("file:///unused"), runtime.Sha256, "test");
}

/// <summary>Records progress synchronously (in the order reported) and lets a test act on a kind as it happens.</summary>
internal sealed class ProgressLog(Action<RuntimeProgress>? onReport = null) : IProgress<RuntimeProgress>
{
    private readonly ConcurrentQueue<RuntimeProgress> _reports = new();

    public IReadOnlyList<RuntimeProgress> Reports => _reports.ToArray();

    public IReadOnlyList<RuntimeProgressKind> Kinds => _reports.Select(r => r.Kind).ToArray();

    /// <summary>A log that runs <paramref name="action"/> when <paramref name="kind"/> is reported.</summary>
    public static ProgressLog On(RuntimeProgressKind kind, Action action) => new(p =>
    {
        if (p.Kind == kind)
        {
            action();
        }
    });

    public void Report(RuntimeProgress value)
    {
        _reports.Enqueue(value);
        onReport?.Invoke(value);
    }
}
