using System.Collections.Immutable;
using System.Diagnostics;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.VenvstacksTargets;
using Pep440Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Obtains base runtimes (docs/venvstacks-reference.md §3.2): resolves <c>cpython@X.Y.Z</c> for a target platform in
/// the runtime tables, downloads the archive through the index client (retries, credentials, content-addressed
/// download cache, sha256 verification; local mirror files are verified the same way), and extracts it once per
/// machine into the runtime cache, guarded by a cross-process lock, with the top <c>python/</c> folder stripped and
/// pip, setuptools and wheel removed. Builds running side by side share the result: one extracts, the others wait
/// and reuse it; a crash or cancellation leaves nothing that looks complete. One provider reads the user table once;
/// its methods are thread-safe.
/// </summary>
public sealed class RuntimeProvider
{
    private readonly RuntimeSourceOptions _options;
    private readonly IndexClient _client;
    private readonly string _cacheRoot;
    private readonly Lazy<Task<(RuntimeCatalog Catalog, RuntimeMirror? Mirror)>> _sources;

    /// <summary>Creates a provider.</summary>
    /// <param name="options">Tables, mirror, cache, lock wait.</param>
    /// <param name="client">The index client for downloads (its offline switch applies to runtimes too).</param>
    public RuntimeProvider(RuntimeSourceOptions options, IndexClient client)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        _options = options;
        _client = client;
        _cacheRoot = Path.GetFullPath(options.CacheRoot ?? client.Options.CacheDirectory);

        // Read once per provider with no caller's token, so one canceled caller cannot spoil it for the others.
        _sources = new(() => LoadSourcesAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The cache root; runtimes are in its <c>runtimes/</c> folder.</summary>
    public string CacheRoot => _cacheRoot;

    /// <summary>Provides a runtime with a new provider (see <see cref="ProvideAsync(PythonImplementation, TargetPlatform, IProgress{RuntimeProgress}?, CancellationToken)"/>).</summary>
    public static Task<ProvidedRuntime> ProvideAsync(
        PythonImplementation implementation,
        TargetPlatform platform,
        RuntimeSourceOptions options,
        IndexClient client,
        IProgress<RuntimeProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        new RuntimeProvider(options, client).ProvideAsync(implementation, platform, progress, cancellationToken);

    /// <summary>The table entry a runtime resolves to, without downloading anything.</summary>
    /// <exception cref="RuntimeException">VSTK3001–3007.</exception>
    public async Task<RuntimeArchive> ResolveAsync(PythonImplementation implementation, TargetPlatform platform, CancellationToken cancellationToken = default)
    {
        var (catalog, _) = await _sources.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return catalog.Resolve(implementation, platform);
    }

    /// <summary>Makes the runtime available in the cache and returns it.</summary>
    /// <param name="implementation">The runtime layer's <c>python_implementation</c>.</param>
    /// <param name="platform">The target platform (for now the host's: <see cref="HostPlatform.Current"/>).</param>
    /// <param name="progress">Receives each step as it happens (called synchronously on the working thread), or null.</param>
    /// <param name="cancellationToken">Stops waiting, downloading or extracting; nothing half-done is left in the cache.</param>
    /// <exception cref="RuntimeException">A VSTK30xx error, or the VSTK40xx of an archive entry that is not safe to
    /// extract. Nothing is left in the cache then.</exception>
    /// <exception cref="OperationCanceledException">Canceled.</exception>
    public async Task<ProvidedRuntime> ProvideAsync(
        PythonImplementation implementation,
        TargetPlatform platform,
        IProgress<RuntimeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (catalog, mirror) = await _sources.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var archive = catalog.Resolve(implementation, platform);
        var entry = new RuntimeCacheEntry(_cacheRoot, archive, new RuntimeLayout(platform, implementation.MajorMinor));
        if (entry.TryReadComplete() is { } ready)
        {
            return Reuse(entry, ready, progress);
        }

        var source = mirror?.Apply(archive.Url) ?? archive.Url;
        using (await RuntimeCacheLock.AcquireAsync(
                   entry.LockFile,
                   _options.LockTimeout,
                   () => progress?.Report(new RuntimeProgress(RuntimeProgressKind.WaitingForLock, archive, entry.Directory)),
                   cancellationToken).ConfigureAwait(false))
        {
            if (entry.TryReadComplete() is { } madeMeanwhile)
            {
                return Reuse(entry, madeMeanwhile, progress);
            }

            try
            {
                entry.RemoveLeftovers();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CacheFailure(archive, entry, e);
            }

            var file = await FetchAsync(archive, source, progress, cancellationToken).ConfigureAwait(false);
            var marker = await ExtractAsync(entry, file, source, progress, cancellationToken).ConfigureAwait(false);
            return new ProvidedRuntime(entry.RuntimeDirectory, archive, marker.Source, entry.Layout, marker.Removed, Extracted: true);
        }
    }

    private async Task<(RuntimeCatalog, RuntimeMirror?)> LoadSourcesAsync(CancellationToken cancellationToken)
    {
        var mirror = string.IsNullOrWhiteSpace(_options.Mirror) ? null : RuntimeMirror.Parse(_options.Mirror);
        if (string.IsNullOrWhiteSpace(_options.DownloadsTable))
        {
            return (RuntimeCatalog.Embedded, mirror);
        }

        var user = await RuntimeTableLoader.LoadAsync(_options.DownloadsTable, _client, cancellationToken).ConfigureAwait(false);
        return (new RuntimeCatalog([user, EmbeddedRuntimeTable.Table]), mirror);
    }

    private static ProvidedRuntime Reuse(RuntimeCacheEntry entry, RuntimeCacheMarker marker, IProgress<RuntimeProgress>? progress)
    {
        progress?.Report(new RuntimeProgress(RuntimeProgressKind.Reused, entry.Archive, entry.RuntimeDirectory));
        return new ProvidedRuntime(entry.RuntimeDirectory, entry.Archive, marker.Source, entry.Layout, marker.Removed, Extracted: false);
    }

    private async Task<DownloadedFile> FetchAsync(RuntimeArchive archive, Uri source, IProgress<RuntimeProgress>? progress, CancellationToken cancellationToken)
    {
        var shown = source.IsFile ? source.LocalPath : UrlRedactor.Redact(source);
        var file = new IndexFile
        {
            // The index client's file model describes distributions; a runtime archive fits it as a non-wheel file of
            // "project" cpython at its version. Only Url, LocalPath and the sha256 matter to DownloadAsync.
            FileName = archive.FileName,
            Kind = DistributionKind.SourceDistribution,
            Name = NormalizedName.From("cpython"),
            Version = Pep440Version.Parse(archive.Version),
            Url = source,
            Source = IndexSource.Flat(new Uri(source, ".").AbsoluteUri),
            Hashes = ImmutableDictionary<string, string>.Empty.Add("sha256", archive.Sha256!),
            LocalPath = source.IsFile ? source.LocalPath : null,
        };

        var clock = Stopwatch.StartNew();
        var transferred = false;
        DownloadedFile downloaded;
        try
        {
            downloaded = await _client.DownloadAsync(
                file,
                size =>
                {
                    transferred = true;
                    clock.Restart();
                    progress?.Report(new RuntimeProgress(RuntimeProgressKind.DownloadStarted, archive, shown, size));
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (PackageIndexException e)
        {
            throw DownloadFailure(archive, source, shown, e);
        }

        // The client shares one download per URL; a table naming the same URL with another sha256 must still fail.
        if (downloaded.Sha256 != archive.Sha256)
        {
            throw new RuntimeException(
                DiagnosticCodes.RuntimeHashMismatch,
                $"{archive.Description}: {shown} has sha256 {downloaded.Sha256}, but {archive.Table} says {archive.Sha256}. Nothing was extracted.",
                source.IsFile ? source.LocalPath : null);
        }

        progress?.Report(new RuntimeProgress(
            transferred ? RuntimeProgressKind.Downloaded : RuntimeProgressKind.ArchiveVerified,
            archive,
            transferred ? shown : downloaded.Path,
            downloaded.Size,
            clock.Elapsed));
        return downloaded;
    }

    private static async Task<RuntimeCacheMarker> ExtractAsync(
        RuntimeCacheEntry entry,
        DownloadedFile file,
        Uri source,
        IProgress<RuntimeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var archive = entry.Archive;
        var clock = Stopwatch.StartNew();
        var staging = entry.NewStagingPath();
        try
        {
            Directory.CreateDirectory(staging);
            var runtime = Path.Combine(staging, RuntimeCacheEntry.RuntimeFolderName);
            progress?.Report(new RuntimeProgress(RuntimeProgressKind.Extracting, archive, entry.RuntimeDirectory, file.Size));
            try
            {
                // Links may only point inside the runtime itself; absolute and escaping entries are refused (VSTK40xx).
                // The downloaded file is stored by its sha256, so the format comes from the archive's own name.
                var options = new ArchiveExtractOptions { StripComponents = 1, Format = ArchiveFormats.FromPath(archive.FileName) };
                await SafeArchiveExtractor.ExtractAsync(file.Path, runtime, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ArchiveException e)
            {
                throw new RuntimeException(e.Descriptor, $"{archive.Description}: {e.Message}", file.Path, e);
            }

            var removed = BundledInstallerRemover.Remove(runtime, entry.Layout, cancellationToken);
            if (!File.Exists(Path.Combine(runtime, entry.Layout.Interpreter)))
            {
                throw new RuntimeException(
                    DiagnosticCodes.RuntimeInterpreterMissing,
                    $"{archive.Description}: {archive.FileName} has no {entry.Layout.Interpreter.Replace(Path.DirectorySeparatorChar, '/')} below its top folder, "
                    + $"so it is not a python-build-standalone install-only archive for {archive.Platform.Name}.",
                    file.Path);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var marker = new RuntimeCacheMarker(
                archive.Version,
                archive.Platform.Name,
                archive.Variant,
                archive.FileName,
                UrlRedactor.StripCredentials(source).AbsoluteUri,
                archive.Sha256!,
                entry.Layout.Interpreter,
                removed);
            entry.Commit(staging, marker);
            progress?.Report(new RuntimeProgress(RuntimeProgressKind.Extracted, archive, entry.RuntimeDirectory, file.Size, clock.Elapsed));
            return marker;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CacheFailure(archive, entry, e);
        }
        finally
        {
            TemporarySibling.Delete(staging);
        }
    }

    private RuntimeException DownloadFailure(RuntimeArchive archive, Uri source, string shown, PackageIndexException e)
    {
        var file = source.IsFile ? source.LocalPath : null;
        return e.Code switch
        {
            IndexErrorCode.HashMismatch => new RuntimeException(
                DiagnosticCodes.RuntimeHashMismatch, $"{archive.Description} ({archive.Table}): {e.Message}", file, e),
            IndexErrorCode.OfflineCacheMiss => new RuntimeException(
                DiagnosticCodes.RuntimeOfflineUnavailable,
                $"{archive.Description} is needed, but offline mode is on and {shown} was never downloaded into {_cacheRoot}. "
                + "Build once online, or set VenvStacksPythonMirror to a folder that has the archive.",
                file,
                e),
            IndexErrorCode.CacheFailure => new RuntimeException(DiagnosticCodes.RuntimeCacheFailure, $"{archive.Description}: {e.Message}", null, e),
            _ => new RuntimeException(
                DiagnosticCodes.RuntimeDownloadFailed,
                $"{archive.Description} cannot be obtained: {e.Message} (VenvStacksPythonMirror can name a reachable mirror URL or folder.)",
                file,
                e),
        };
    }

    private static RuntimeException CacheFailure(RuntimeArchive archive, RuntimeCacheEntry entry, Exception e) =>
        new(DiagnosticCodes.RuntimeCacheFailure, $"{archive.Description}: the runtime cache entry {entry.Directory} cannot be written: {e.Message}", null, e);
}
