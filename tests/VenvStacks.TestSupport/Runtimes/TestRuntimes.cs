using System.Security.Cryptography;
using System.Text.Json;
using VenvStacks.TestSupport.Python;

namespace VenvStacks.TestSupport.Runtimes;

/// <summary>
/// Runtime archives in python-build-standalone's <c>install_only_stripped</c> layout, made from this machine's CPython
/// 3.11 and 3.12 by <c>build/make-test-runtime.sh</c>, with their download table <c>python-downloads.json</c> (the
/// format of <c>src/VenvStacks.Core/Runtimes/python-build-standalone.json</c>; urls relative to the table). The
/// folder is a complete local mirror: use it as a folder, through its file URL, or over HTTP with <see cref="Serve"/>.
/// Made once per machine (cached in <see cref="TestCache"/> under <c>test-runtimes/{hash of the script and the
/// Pythons}</c>, guarded by a cross-process lock so parallel test hosts do not race; older folders are removed) and checked
/// once per process.
/// </summary>
public sealed class TestRuntimes
{
    /// <summary>The Python versions packed, in table order of preference.</summary>
    public static readonly IReadOnlyList<PythonRequest> Requests = [PythonRequest.Python311, PythonRequest.Python312];

    /// <summary>The table's file name inside <see cref="Folder"/>.</summary>
    public const string DownloadsFileName = "python-downloads.json";

    private const string CacheArea = "test-runtimes";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(15);
    private static readonly Lazy<Task<TestRuntimes>> Shared = new(() => CreateAsync(CancellationToken.None));

    private TestRuntimes(string folder, IReadOnlyList<TestRuntimeArchive> archives)
    {
        Folder = folder;
        Archives = archives;
    }

    /// <summary>The mirror folder: the archives and <see cref="DownloadsJson"/>. Treat it as read-only.</summary>
    public string Folder { get; }

    /// <summary>The download table.</summary>
    public string DownloadsJson => Path.Combine(Folder, DownloadsFileName);

    /// <summary>The download table as a <c>file://</c> URL (its relative urls resolve into <see cref="Folder"/>).</summary>
    public Uri DownloadsJsonUri => FileUri(DownloadsJson);

    /// <summary>Every archive, newest version first (the table's order).</summary>
    public IReadOnlyList<TestRuntimeArchive> Archives { get; }

    /// <summary>Why runtime tests are skipped on this machine (no packable CPython 3.11/3.12, no patchelf, ...), or null.
    /// Cheap: nothing is packed to find out.</summary>
    public static string? SkipReason
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                return "Test runtimes are made from the machine's CPython on Linux only.";
            }

            foreach (var request in Requests)
            {
                if (TestPython.SkipReason(request, TestPythonNeeds.BundledWheels) is { } reason)
                {
                    return reason;
                }
            }

            var missing = new[] { "patchelf", "readelf", "tar", "gzip" }.FirstOrDefault(t => !ExternalProcess.IsOnPath(t));
            return missing is null ? null : $"'{missing}' is not installed (apt-get install patchelf binutils); test runtimes need it.";
        }
    }

    /// <summary>The runtimes, made or checked once per process.</summary>
    /// <exception cref="InvalidOperationException">The machine cannot make them (<see cref="SkipReason"/>) or the
    /// script failed; the message has its output.</exception>
    public static Task<TestRuntimes> GetAsync(CancellationToken cancellationToken = default) =>
        Shared.Value.WaitAsync(cancellationToken);

    /// <summary>The archive for a minor (<c>3.12</c>) or exact (<c>3.12.1</c>) version.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public TestRuntimeArchive For(string version) =>
        Archives.FirstOrDefault(a => a.Version == version || a.MinorVersion == version)
        ?? throw new KeyNotFoundException($"No test runtime for {version}; there are {string.Join(", ", Archives.Select(a => a.Version))}.");

    /// <summary>Serves <see cref="Folder"/> on 127.0.0.1; the table is at
    /// <c>server.UriOf(TestRuntimes.DownloadsFileName)</c>. Dispose the server when done.</summary>
    public LocalFileServer Serve() => LocalFileServer.Start(Folder);

    /// <summary>
    /// A <c>file://</c> URL for a local path that relative references resolve against correctly. <c>new Uri(path)</c>
    /// does not: resolving <c>cpython-3.12.1%2B...</c> against such an implicit file URI escapes the <c>%</c> again
    /// (<c>%252B</c>), so its <c>LocalPath</c> names a file that does not exist.
    /// </summary>
    public static Uri FileUri(string path) => new UriBuilder(Uri.UriSchemeFile, string.Empty, -1, Path.GetFullPath(path)).Uri;

    /// <summary>Reads a table written by the script and checks every archive it names against its sha256.</summary>
    /// <exception cref="InvalidDataException">An archive is missing or does not match.</exception>
    public static TestRuntimes Load(string folder)
    {
        var table = Path.Combine(folder, DownloadsFileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(table));
        var archives = new List<TestRuntimeArchive>();
        foreach (var version in document.RootElement.GetProperty("versions").EnumerateObject())
        {
            foreach (var platform in version.Value.EnumerateObject())
            {
                var entry = platform.Value;
                var url = entry.GetProperty("url").GetString()!;
                var path = new Uri(FileUri(table), url).LocalPath;
                var sha256 = entry.GetProperty("sha256").GetString()!;
                using (var stream = File.OpenRead(path))
                {
                    var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                    if (actual != sha256)
                    {
                        throw new InvalidDataException($"{path} has sha256 {actual}, {table} says {sha256}.");
                    }
                }

                archives.Add(new TestRuntimeArchive(
                    version.Name,
                    platform.Name,
                    entry.GetProperty("variant").GetString()!,
                    entry.GetProperty("release_tag").GetString()!,
                    entry.GetProperty("triple").GetString()!,
                    url,
                    path,
                    sha256));
            }
        }

        return new TestRuntimes(Path.GetFullPath(folder), archives);
    }

    private static async Task<TestRuntimes> CreateAsync(CancellationToken cancellationToken)
    {
        if (SkipReason is { } reason)
        {
            throw new InvalidOperationException("Cannot make test runtimes: " + reason);
        }

        var pythons = Requests.Select(r => TestPython.Find(r, TestPythonNeeds.BundledWheels)!).ToArray();
        var script = Path.Combine(TestData.RepositoryRoot, "build", "make-test-runtime.sh");
        var key = TestCache.Key([
            Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(script, cancellationToken).ConfigureAwait(false))),
            .. pythons.Select(p => $"{p.Version} {p.Prefix}"),
        ]);
        var folder = TestCache.Folder(CacheArea, key);
        using (await CrossProcessLock.AcquireAsync(folder + ".lock", ScriptTimeout, cancellationToken).ConfigureAwait(false))
        {
            // The script itself returns at once when its inputs are unchanged, and repairs a damaged folder.
            var output = await ExternalProcess.RunAsync(
                "bash",
                [script, folder, .. pythons.Select(p => p.Executable)],
                timeout: ScriptTimeout,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            output.EnsureSuccess("build/make-test-runtime.sh");
            TestCache.RemoveOthers(CacheArea, key);
            return Load(folder);
        }
    }
}
