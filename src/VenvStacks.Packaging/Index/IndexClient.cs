using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using VenvStacks.Packaging.Caching;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Hashing;
using VenvStacks.Packaging.Http;
using VenvStacks.Packaging.IO;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.SimpleRepositoryApi;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// Reads package indexes: project pages (PEP 691 JSON preferred, PEP 503 HTML otherwise), flat find-links locations,
/// core metadata (PEP 658/714 files when offered, otherwise the wheel's own METADATA) and the files themselves.
/// </summary>
/// <remarks>
/// <para>Everything goes through an on-disk cache under <see cref="IndexClientOptions.CacheDirectory"/>, safe to share
/// between processes: pages are revalidated with <c>ETag</c>/<c>Last-Modified</c> on every run (a <c>304</c> reuses the
/// cached body); wheels and metadata files are stored by the sha256 of their content, verified before they are stored,
/// so a verified file is never downloaded twice; every write is a temporary file renamed into place.</para>
/// <para>Within one client, each page, metadata file and download happens once however many callers ask, concurrently
/// or not. A client is meant to live for one lock operation; a new client revalidates pages again.</para>
/// <para>All methods are thread-safe and cancellable; cancelling leaves no partial file behind.</para>
/// </remarks>
public sealed class IndexClient : IDisposable
{
    /// <summary>The <c>Accept</c> header for project pages: JSON first, then versioned HTML, then any HTML.</summary>
    public const string SimpleAccept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    private const string JsonMediaType = "application/vnd.pypi.simple.v1+json";
    private static readonly FrozenSet<int> NotFoundStatuses = new[] { 404 }.ToFrozenSet();
    private static readonly FrozenSet<int> NoNotFoundStatuses = FrozenSet<int>.Empty;

    private readonly CacheLayout _layout;
    private readonly PageCache _pages;
    private readonly CredentialStore _credentials;
    private readonly HttpFetcher _http;
    private readonly AsyncMemo<(IndexSource, NormalizedName), ProjectPage?> _projectPages = new();
    private readonly AsyncMemo<IndexSource, ImmutableArray<IndexFile>> _flatListings = new();
    private readonly AsyncMemo<string, DownloadedFile> _downloads = new();
    private readonly AsyncMemo<string, DistributionMetadata> _metadata = new();

    /// <summary>Creates a client.</summary>
    /// <param name="options">Cache location, offline mode, concurrency, retries, credentials; null for the defaults.</param>
    public IndexClient(IndexClientOptions? options = null)
    {
        Options = options ?? new IndexClientOptions();
        _layout = new CacheLayout(Options.CacheDirectory);
        _pages = new PageCache(_layout);
        var environment = Options.Environment;
        _credentials = new CredentialStore(
            environment is null ? System.Environment.GetEnvironmentVariable : name => environment.GetValueOrDefault(name),
            Options.NetrcPath);
        _http = new HttpFetcher(Options, _credentials);
    }

    /// <summary>The options in effect.</summary>
    public IndexClientOptions Options { get; }

    /// <summary>
    /// Makes an index's credentials (its URL's user info, <c>UV_INDEX_{NAME}_*</c>, netrc) available for requests to
    /// its origin without reading any of its pages: a build downloads the files a lock names, from indexes whose pages
    /// it never fetches.
    /// </summary>
    /// <param name="index">The index.</param>
    public void RegisterIndex(IndexSource index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _credentials.Register(index);
    }

    /// <summary>
    /// The files an index or find-links location lists for a project. Simple indexes: the project page
    /// (<c>{index}/{normalised name}/</c>). Flat locations: every wheel or sdist of the project in the folder or page.
    /// </summary>
    /// <param name="index">The index or find-links location.</param>
    /// <param name="projectName">The project name in any spelling (it is normalised).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page, or null when the location does not have the project (HTTP 404, or no matching file in a flat
    /// location) — the signal uv's first-index strategy moves on by.</returns>
    /// <exception cref="PackageIndexException">The index failed permanently, kept failing, answered something
    /// unreadable, or (offline) the page is not cached.</exception>
    public Task<ProjectPage?> GetProjectAsync(IndexSource index, string projectName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectName);
        var project = NormalizedName.From(projectName);
        _credentials.Register(index);
        return index.Format == IndexFormat.Flat
            ? FlatProjectAsync(index, project, cancellationToken)
            : _projectPages.GetAsync((index, project), token => LoadSimpleAsync(index, project, token), cancellationToken);
    }

    /// <summary>
    /// The core metadata of a distribution: the PEP 658 metadata file when the index offers one (verified against its
    /// advertised hash; the wheel is not downloaded), otherwise the <c>.dist-info/METADATA</c> of the wheel itself
    /// (downloaded and verified first). The name and version must agree with the file name.
    /// </summary>
    /// <param name="file">A file from <see cref="GetProjectAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The parsed metadata.</returns>
    /// <exception cref="PackageIndexException">Download failure, hash mismatch, unreadable wheel or metadata, or an sdist
    /// without a metadata file (sdists are never built).</exception>
    public Task<DistributionMetadata> GetMetadataAsync(IndexFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _metadata.GetAsync(file.Url.AbsoluteUri, token => LoadMetadataAsync(file, token), cancellationToken);
    }

    /// <summary>
    /// Makes a distribution file available locally and verified: from the content-addressed cache when present,
    /// otherwise downloaded (with retries), checked against the advertised hash and stored. Local find-links files are
    /// used in place (their sha256 is computed).
    /// </summary>
    /// <param name="file">A file from <see cref="GetProjectAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the download promptly; no partial file is left.</param>
    /// <returns>The local path, sha256 and size.</returns>
    /// <exception cref="PackageIndexException">Download failure or <see cref="IndexErrorCode.HashMismatch"/> (nothing is
    /// cached then), or an offline cache miss.</exception>
    public Task<DownloadedFile> DownloadAsync(IndexFile file, CancellationToken cancellationToken = default) =>
        DownloadAsync(file, null, cancellationToken);

    /// <summary>
    /// <see cref="DownloadAsync(IndexFile, CancellationToken)"/>, telling <paramref name="transferStarting"/> the
    /// announced size (null when the server gives none) when bytes actually start to come over HTTP — so a caller can
    /// report a long download as it begins. It is not called for cached or local files, nor for a download another
    /// caller of this client already started.
    /// </summary>
    /// <param name="file">A file from <see cref="GetProjectAsync"/>, or one described by the caller.</param>
    /// <param name="transferStarting">Called once per attempt that receives a successful response, or null.</param>
    /// <param name="cancellationToken">Cancels the download promptly; no partial file is left.</param>
    /// <returns>The local path, sha256 and size.</returns>
    /// <exception cref="PackageIndexException">Download failure or <see cref="IndexErrorCode.HashMismatch"/> (nothing is
    /// cached then), or an offline cache miss.</exception>
    public Task<DownloadedFile> DownloadAsync(IndexFile file, Action<long?>? transferStarting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _downloads.GetAsync(file.Url.AbsoluteUri, token => LoadFileAsync(file, transferStarting, token), cancellationToken);
    }

    /// <summary>
    /// Reads a small document that is not an index page — for example a runtime download table — through the page
    /// cache: revalidated with <c>ETag</c>/<c>Last-Modified</c> on every call, answered from the cache when offline.
    /// Credentials in the URL's user info (or the host's <c>.netrc</c> entry) are sent to the URL's own origin only.
    /// </summary>
    /// <param name="url">An <c>http</c> or <c>https</c> URL, possibly with user info.</param>
    /// <param name="accept">The <c>Accept</c> header, for example <c>application/json</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The body, with the URL it finally came from (the base for relative references in it).</returns>
    /// <exception cref="ArgumentException">The URL is not <c>http</c> or <c>https</c>.</exception>
    /// <exception cref="PackageIndexException">Any HTTP failure (404 included), or offline and not cached.</exception>
    public async Task<IndexDocument> GetDocumentAsync(Uri url, string accept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(accept);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Only http and https documents are fetched, not {UrlRedactor.Redact(url)}.", nameof(url));
        }

        // Registered like an index, so its user info becomes credentials for its own origin and never part of a key.
        var source = IndexSource.Flat(url.AbsoluteUri);
        _credentials.Register(source);
        var page = await FetchPageAsync(source.Url, accept, NoNotFoundStatuses, cancellationToken).ConfigureAwait(false);
        return new IndexDocument(source.Url, page!.FinalUrl, page.ContentType, page.Body);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<ProjectPage?> FlatProjectAsync(IndexSource index, NormalizedName project, CancellationToken cancellationToken)
    {
        var listing = await _flatListings.GetAsync(index, token => LoadFlatAsync(index, token), cancellationToken).ConfigureAwait(false);
        var files = listing.Where(f => f.Name == project).ToImmutableArray();
        return files.IsEmpty ? null : new ProjectPage(project, index, index.IsLocal ? PageFormat.Directory : PageFormat.FlatHtml, files);
    }

    private async Task<ImmutableArray<IndexFile>> LoadFlatAsync(IndexSource index, CancellationToken cancellationToken)
    {
        if (index.LocalPath is { } path)
        {
            if (File.Exists(path))
            {
                var html = await ReadLocalAsync(path, index, cancellationToken).ConfigureAwait(false);
                return ToFiles(SimpleHtmlParser.Parse(html, index.Url), index, null);
            }

            return ListFolder(path, index);
        }

        var page = await FetchPageAsync(index.Url, "text/html, */*;q=0.1", NoNotFoundStatuses, cancellationToken).ConfigureAwait(false);
        return ToFiles(SimpleHtmlParser.Parse(page!.Body, page.FinalUrl), index, null);
    }

    private async Task<ProjectPage?> LoadSimpleAsync(IndexSource index, NormalizedName project, CancellationToken cancellationToken)
    {
        if (index.LocalPath is { } root)
        {
            // A simple repository laid out on disk: {root}/{project}/index.html.
            var pagePath = Path.Combine(root, project.Value, "index.html");
            if (!File.Exists(pagePath))
            {
                return null;
            }

            var html = await ReadLocalAsync(pagePath, index, cancellationToken).ConfigureAwait(false);
            var listing = SimpleHtmlParser.Parse(html, new Uri(pagePath));
            return new ProjectPage(project, index, PageFormat.Html, ToFiles(listing, index, project)) { ApiVersion = listing.ApiVersion };
        }

        var url = index.ProjectUrl(project);
        var page = await FetchPageAsync(url, SimpleAccept, NotFoundStatuses, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return null;
        }

        var (parsed, format) = ParseProjectPage(page);
        return new ProjectPage(project, index, format, ToFiles(parsed, index, project)) { ApiVersion = parsed.ApiVersion, Versions = parsed.Versions };
    }

    private static (ParsedListing Listing, PageFormat Format) ParseProjectPage(CachedPage page)
    {
        var mediaType = page.ContentType?.Trim().ToLowerInvariant();
        var isJson = mediaType switch
        {
            JsonMediaType => true,
            "application/vnd.pypi.simple.v1+html" or "text/html" => false,
            null or "" => page.Body.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("{"u8),
            _ when mediaType.StartsWith("application/vnd.pypi.simple.", StringComparison.Ordinal) => throw new PackageIndexException(
                IndexErrorCode.InvalidIndexResponse,
                $"{UrlRedactor.Redact(page.FinalUrl)} answered with an unsupported simple API version ({mediaType}).",
                page.FinalUrl),
            _ => throw new PackageIndexException(
                IndexErrorCode.InvalidIndexResponse,
                $"{UrlRedactor.Redact(page.FinalUrl)} answered with '{mediaType}', which is not a simple repository page.",
                page.FinalUrl),
        };
        return isJson
            ? (SimpleJsonParser.Parse(page.Body, page.FinalUrl), PageFormat.Json)
            : (SimpleHtmlParser.Parse(page.Body, page.FinalUrl), PageFormat.Html);
    }

    /// <summary>A page from the network or cache; null when the index says it does not exist.</summary>
    private async Task<CachedPage?> FetchPageAsync(Uri url, string accept, IReadOnlySet<int> notFoundStatuses, CancellationToken cancellationToken)
    {
        var cached = await _pages.TryReadAsync(url, cancellationToken).ConfigureAwait(false);
        var redacted = UrlRedactor.Redact(url);
        if (Options.Offline)
        {
            if (cached is null)
            {
                throw new PackageIndexException(IndexErrorCode.OfflineCacheMiss, $"Offline, and {redacted} is not in the cache.", url);
            }

            Log(IndexEventKind.PageFromCache, redacted);
            return cached.Status == 404 ? null : cached;
        }

        var result = await _http.GetPageAsync(url, accept, cached is { Status: 200 } ? cached : null, notFoundStatuses, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case PageFetchOutcome.NotModified:
                Log(IndexEventKind.PageNotModified, redacted);
                return result.Page;
            case PageFetchOutcome.NotFound:
                // Remembered so that an offline run can tell "not on this index" from "never looked".
                await _pages.WriteAsync(new CachedPage(url, url, null, null, null, [], 404), cancellationToken).ConfigureAwait(false);
                return null;
            default:
                await _pages.WriteAsync(result.Page!, cancellationToken).ConfigureAwait(false);
                Log(IndexEventKind.PageDownloaded, redacted, $"{result.Page!.Body.Length} bytes");
                return result.Page;
        }
    }

    private static ImmutableArray<IndexFile> ToFiles(ParsedListing listing, IndexSource source, NormalizedName? project)
    {
        var files = ImmutableArray.CreateBuilder<IndexFile>(listing.Files.Length);
        foreach (var listed in listing.Files)
        {
            if (!DistributionFileNames.TryParse(listed.FileName, out var kind, out var name, out var version) ||
                (project is { } expected && name != expected))
            {
                continue;
            }

            files.Add(new IndexFile
            {
                FileName = listed.FileName,
                Kind = kind,
                Name = name,
                Version = version!,
                Url = listed.Url,
                Source = source,
                Hashes = listed.Hashes,
                RequiresPython = listed.RequiresPython,
                YankedReason = listed.YankedReason,
                CoreMetadata = listed.CoreMetadata,
                UploadTime = listed.UploadTime,
                Size = listed.Size,
                LocalPath = listed.Url.IsFile ? listed.Url.LocalPath : null,
                LinkCredentials = listed.LinkCredentials,
            });
        }

        return files.ToImmutable();
    }

    private static ImmutableArray<IndexFile> ListFolder(string folder, IndexSource source)
    {
        try
        {
            var files = ImmutableArray.CreateBuilder<IndexFile>();
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var fileName = Path.GetFileName(path);
                if (!DistributionFileNames.TryParse(fileName, out var kind, out var name, out var version))
                {
                    continue;
                }

                files.Add(new IndexFile
                {
                    FileName = fileName,
                    Kind = kind,
                    Name = name,
                    Version = version!,
                    Url = new Uri(path),
                    Source = source,
                    Size = new FileInfo(path).Length,
                    LocalPath = path,
                });
            }

            return files.ToImmutable();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new PackageIndexException(
                IndexErrorCode.FindLinksUnavailable,
                $"The find-links location {folder} cannot be read: {e.Message}",
                source.Url,
                innerException: e);
        }
    }

    private static async Task<byte[]> ReadLocalAsync(string path, IndexSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageIndexException(IndexErrorCode.FindLinksUnavailable, $"Cannot read {path}: {e.Message}", source.Url, innerException: e);
        }
    }

    private async Task<DownloadedFile> LoadFileAsync(IndexFile file, Action<long?>? transferStarting, CancellationToken cancellationToken)
    {
        if (file.LocalPath is { } local)
        {
            return await HashLocalFileAsync(file, local, cancellationToken).ConfigureAwait(false);
        }

        if (await FindStoredAsync(file.Url, file.Hashes, _layout.File, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return new DownloadedFile(stored.Path, stored.Sha256, new FileInfo(stored.Path).Length);
        }

        if (Options.Offline)
        {
            throw new PackageIndexException(IndexErrorCode.OfflineCacheMiss, $"Offline, and {file.FileName} ({UrlRedactor.Redact(file.Url)}) is not in the cache.", file.Url);
        }

        var (result, path) = await FetchIntoStoreAsync(file.Url, file.LinkCredentials, file.Hashes, file.FileName, _layout.File, transferStarting, cancellationToken).ConfigureAwait(false);
        return new DownloadedFile(path, result.Sha256, result.Size);
    }

    private static async Task<DownloadedFile> HashLocalFileAsync(IndexFile file, string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var digest = Hex.Lower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                if (file.Sha256 is { } expected && expected != digest)
                {
                    throw Mismatch(file.FileName, file.Url, "sha256", expected, digest);
                }

                return new DownloadedFile(path, digest, stream.Length);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageIndexException(IndexErrorCode.FindLinksUnavailable, $"Cannot read {path}: {e.Message}", file.Url, innerException: e);
        }
    }

    /// <summary>
    /// The content-addressed copy of what <paramref name="url"/> serves, when its sha256 is known (advertised, or
    /// remembered by <see cref="FetchIntoStoreAsync"/>) and the copy is in the cache; null otherwise.
    /// </summary>
    private async Task<(string Path, string Sha256)?> FindStoredAsync(
        Uri url,
        ImmutableDictionary<string, string> advertised,
        Func<string, string> placeFor,
        CancellationToken cancellationToken)
    {
        var known = advertised.GetValueOrDefault("sha256") ?? await KnownDigestAsync(url, cancellationToken).ConfigureAwait(false);
        if (known is null || !File.Exists(placeFor(known)))
        {
            return null;
        }

        Log(IndexEventKind.FileFromCache, UrlRedactor.Redact(url));
        return (placeFor(known), known);
    }

    /// <summary>Downloads into a temporary file, verifies it against the advertised digest and moves it to its
    /// content-addressed place; without an advertised sha256, the one computed is remembered for the URL. On a
    /// mismatch or cancellation nothing is left behind.</summary>
    private async Task<(DownloadResult Result, string Path)> FetchIntoStoreAsync(
        Uri url,
        IndexCredentials? linkCredentials,
        ImmutableDictionary<string, string> advertised,
        string fileName,
        Func<string, string> placeFor,
        Action<long?>? transferStarting,
        CancellationToken cancellationToken)
    {
        var algorithm = FileHashes.Verifiable.FirstOrDefault(advertised.ContainsKey);
        string temporary;
        try
        {
            temporary = _layout.NewTemporaryFile();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw _layout.WriteFailure(url, e);
        }

        try
        {
            var result = await _http.DownloadAsync(url, linkCredentials, temporary, algorithm, transferStarting, cancellationToken).ConfigureAwait(false);
            if (algorithm is not null && result.Digests[algorithm] != advertised[algorithm])
            {
                throw Mismatch(fileName, url, algorithm, advertised[algorithm], result.Digests[algorithm]);
            }

            var place = placeFor(result.Sha256);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(place)!);
                AtomicFile.Commit(temporary, place, replace: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw _layout.WriteFailure(url, e);
            }

            if (!advertised.ContainsKey("sha256"))
            {
                await RememberDigestAsync(url, result.Sha256, cancellationToken).ConfigureAwait(false);
            }

            Log(IndexEventKind.FileDownloaded, UrlRedactor.Redact(url), $"{result.Size} bytes");
            return (result, place);
        }
        finally
        {
            AtomicFile.TryDelete(temporary);
        }
    }

    private async Task<DistributionMetadata> LoadMetadataAsync(IndexFile file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (file.LocalPath is { } local)
        {
            bytes = file.Kind == DistributionKind.Wheel ? WheelMetadataReader.Read(local, file.FileName, file.Name) : throw NoSdistMetadata(file);
        }
        else
        {
            bytes = (file.CoreMetadata is { } offered ? await MetadataFileAsync(file, offered, cancellationToken).ConfigureAwait(false) : null)
                ?? await MetadataFromWheelAsync(file, cancellationToken).ConfigureAwait(false);
        }

        DistributionMetadata parsed;
        try
        {
            parsed = DistributionMetadata.Parse(bytes);
        }
        catch (PackagingFormatException e)
        {
            throw new PackageIndexException(IndexErrorCode.InvalidDistribution, $"The metadata of {file.FileName} is invalid: {e.Message}", file.Url, innerException: e);
        }

        if (parsed.NormalizedName != file.Name || !parsed.Version.Equals(file.Version))
        {
            throw new PackageIndexException(
                IndexErrorCode.InvalidDistribution,
                $"The metadata of {file.FileName} describes {parsed.Name} {parsed.VersionText}, not the project and version in the file name.",
                file.Url);
        }

        return parsed;
    }

    /// <summary>The PEP 658 metadata file's bytes, or null when the index advertised one but does not serve it.</summary>
    private async Task<byte[]?> MetadataFileAsync(IndexFile file, CoreMetadataFile offered, CancellationToken cancellationToken)
    {
        var url = new Uri(file.Url.AbsoluteUri + ".metadata");
        if (await FindStoredAsync(url, offered.Hashes, _layout.Metadata, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return await ReadCachedAsync(stored.Path, url, cancellationToken).ConfigureAwait(false);
        }

        if (Options.Offline)
        {
            if (file.Sha256 is { } wheel && File.Exists(_layout.WheelMetadata(wheel)))
            {
                return null;
            }

            throw new PackageIndexException(IndexErrorCode.OfflineCacheMiss, $"Offline, and the metadata of {file.FileName} is not in the cache.", url);
        }

        try
        {
            var (_, path) = await FetchIntoStoreAsync(url, file.LinkCredentials, offered.Hashes, file.FileName + ".metadata", _layout.Metadata, null, cancellationToken).ConfigureAwait(false);
            return await ReadCachedAsync(path, url, cancellationToken).ConfigureAwait(false);
        }
        catch (PackageIndexException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    private async Task<byte[]> MetadataFromWheelAsync(IndexFile file, CancellationToken cancellationToken)
    {
        if (file.Kind != DistributionKind.Wheel)
        {
            throw NoSdistMetadata(file);
        }

        if (file.Sha256 is { } advertised && File.Exists(_layout.WheelMetadata(advertised)))
        {
            Log(IndexEventKind.FileFromCache, UrlRedactor.Redact(file.Url), "METADATA read from the wheel earlier");
            return await ReadCachedAsync(_layout.WheelMetadata(advertised), file.Url, cancellationToken).ConfigureAwait(false);
        }

        var wheel = await DownloadAsync(file, cancellationToken).ConfigureAwait(false);
        var place = _layout.WheelMetadata(wheel.Sha256);
        if (File.Exists(place))
        {
            return await ReadCachedAsync(place, file.Url, cancellationToken).ConfigureAwait(false);
        }

        var bytes = WheelMetadataReader.Read(wheel.Path, file.FileName, file.Name);
        await WriteCacheAsync(place, bytes, file.Url, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    private async Task<string?> KnownDigestAsync(Uri url, CancellationToken cancellationToken)
    {
        var path = _layout.UrlDigest(url);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(await ReadCachedAsync(path, url, cancellationToken).ConfigureAwait(false)).Trim();
        return FileHashes.IsSha256(text) ? text : null;
    }

    private Task RememberDigestAsync(Uri url, string sha256, CancellationToken cancellationToken) =>
        WriteCacheAsync(_layout.UrlDigest(url), Encoding.ASCII.GetBytes(sha256), url, cancellationToken);

    private async Task<byte[]> ReadCachedAsync(string path, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageIndexException(IndexErrorCode.CacheFailure, $"Cannot read the cache under {_layout.Root}: {e.Message}", url, innerException: e);
        }
    }

    private async Task WriteCacheAsync(string path, byte[] content, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAsync(path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw _layout.WriteFailure(url, e);
        }
    }

    private void Log(IndexEventKind kind, string redactedUrl, string? detail = null) =>
        Options.Log?.Invoke(new IndexEvent(kind, redactedUrl, detail));

    private static PackageIndexException Mismatch(string fileName, Uri url, string algorithm, string expected, string actual) =>
        new(
            IndexErrorCode.HashMismatch,
            $"{fileName} from {UrlRedactor.Redact(url)} does not match its advertised {algorithm}: expected {expected}, got {actual}. Nothing was cached.",
            url);

    private static PackageIndexException NoSdistMetadata(IndexFile file) =>
        new(
            IndexErrorCode.InvalidDistribution,
            $"{file.FileName} is a source distribution without a metadata file; its metadata would need a build, and builds are not supported.",
            file.Url);
}
