using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using VenvStacks.Packaging.Caching;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Hashing;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.Http;

/// <summary>
/// HTTP for the index client: a bounded number of requests in flight, redirects followed by hand (so credentials are
/// attached per hop, only for their own origin), timeouts for headers and for stalled bodies, and retries with
/// exponential backoff and jitter on transient failures. Permanent failures become <see cref="PackageIndexException"/>s
/// naming the redacted URL and status.
/// </summary>
internal sealed class HttpFetcher : IDisposable
{
    private const int MaxRedirects = 10;
    private const int BufferSize = 81920;
    private static readonly string[] Sha256Only = ["sha256"];

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _gate;
    private readonly IndexClientOptions _options;
    private readonly CredentialStore _credentials;

    public HttpFetcher(IndexClientOptions options, CredentialStore credentials)
    {
        this._options = options;
        this._credentials = credentials;
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentRequests));
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler, disposeHandler: options.HttpHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
    }

    /// <summary>GETs a page, conditionally when a cached copy with validators is given.</summary>
    /// <param name="url">The credential-free page URL.</param>
    /// <param name="accept">The <c>Accept</c> header.</param>
    /// <param name="cached">The cached copy to revalidate, or null.</param>
    /// <param name="notFoundStatuses">Statuses that mean "this index has no such page".</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<PageFetch> GetPageAsync(Uri url, string accept, CachedPage? cached, IReadOnlySet<int> notFoundStatuses, CancellationToken cancellationToken) =>
        WithRetriesAsync(url, async attempt =>
        {
            var (response, finalUrl) = await SendAsync(url, request =>
            {
                // Sent verbatim: some indexes match the header text rather than parsing it.
                request.Headers.TryAddWithoutValidation("Accept", accept);
                // Intermediate caches must revalidate too, or a fresh upload could stay invisible (as pip does).
                request.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.Zero };
                if (cached?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (cached?.LastModified is { } lastModified &&
                    DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }
            }, null, attempt).ConfigureAwait(false);

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 304 && cached is not null)
                {
                    return new PageFetch(PageFetchOutcome.NotModified, cached, status);
                }

                if (notFoundStatuses.Contains(status))
                {
                    return new PageFetch(PageFetchOutcome.NotFound, null, status);
                }

                ThrowUnlessSuccess(response, url);
                using var body = new MemoryStream();
                await CopyBodyAsync(response, body, [], attempt).ConfigureAwait(false);
                var page = new CachedPage(
                    url,
                    finalUrl,
                    response.Content.Headers.ContentType?.MediaType,
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
                    body.ToArray(),
                    status);
                return new PageFetch(PageFetchOutcome.Fetched, page, status);
            }
        }, cancellationToken);

    /// <summary>Downloads a file into <paramref name="destination"/> (truncated on every attempt), hashing it on the way.</summary>
    /// <param name="url">The credential-free URL.</param>
    /// <param name="linkCredentials">Credentials that came with the link, for the link's own origin only.</param>
    /// <param name="destination">The file to write (a temporary path; the caller commits or deletes it).</param>
    /// <param name="extraAlgorithm">A digest to compute besides sha256 (when that is all the index advertised), or null.</param>
    /// <param name="transferStarting">Called with the announced length (null when the server gives none) each time a
    /// successful response's body starts to arrive, or null.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public Task<DownloadResult> DownloadAsync(
        Uri url,
        IndexCredentials? linkCredentials,
        string destination,
        string? extraAlgorithm,
        Action<long?>? transferStarting,
        CancellationToken cancellationToken)
    {
        var link = linkCredentials is null ? ((string, IndexCredentials)?)null : (CredentialStore.OriginOf(url), linkCredentials);
        return WithRetriesAsync(url, async attempt =>
        {
            var (response, _) = await SendAsync(url, _ => { }, link, attempt).ConfigureAwait(false);
            using (response)
            {
                ThrowUnlessSuccess(response, url);
                transferStarting?.Invoke(response.Content.Headers.ContentLength);
                FileStream file;
                try
                {
                    file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw CacheFailure(url, e);
                }

                string[] algorithms = extraAlgorithm is null or "sha256" ? Sha256Only : ["sha256", extraAlgorithm];
                var hashes = algorithms.Select(CreateHash).ToArray();
                try
                {
                    await using (file.ConfigureAwait(false))
                    {
                        var size = await CopyBodyAsync(response, file, hashes, attempt).ConfigureAwait(false);
                        var digests = algorithms
                            .Zip(hashes, (name, hash) => new KeyValuePair<string, string>(name, Hex.Lower(hash.GetHashAndReset())))
                            .ToImmutableDictionary();
                        return new DownloadResult(digests, size);
                    }
                }
                finally
                {
                    foreach (var hash in hashes)
                    {
                        hash.Dispose();
                    }
                }
            }
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }

    private async Task<T> WithRetriesAsync<T>(Uri url, Func<Attempt, Task<T>> run, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            TransientFailureException failure;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    return await run(new Attempt(timeout, _options.ReadTimeout)).ConfigureAwait(false);
                }
                catch (TransientFailureException e)
                {
                    failure = e;
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TransientFailureException("the request timed out", null, null, e);
                }
                catch (HttpRequestException e)
                {
                    failure = new TransientFailureException(e.Message, null, null, e);
                }
                catch (IOException e)
                {
                    failure = new TransientFailureException(e.Message, null, null, e);
                }
            }
            finally
            {
                _gate.Release();
            }

            if (number > _options.MaxRetries)
            {
                var status = failure.StatusCode is { } code ? $"HTTP {code} {ReasonOf(code)}" : failure.Message;
                throw new PackageIndexException(
                    IndexErrorCode.TransientFailure,
                    $"Giving up on {UrlRedactor.Redact(url)} after {number} attempt{(number == 1 ? string.Empty : "s")}: {status}.",
                    url,
                    failure.StatusCode,
                    failure.InnerException ?? failure);
            }

            var delay = Backoff(number, failure.RetryAfter);
            _options.Log?.Invoke(new IndexEvent(
                IndexEventKind.Retrying,
                UrlRedactor.Redact(url),
                $"{(failure.StatusCode is { } s ? $"HTTP {s}" : failure.Message)}; attempt {number + 1} in {delay.TotalMilliseconds:0} ms"));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(HttpResponseMessage Response, Uri FinalUrl)> SendAsync(
        Uri url,
        Action<HttpRequestMessage> configure,
        (string Origin, IndexCredentials Credentials)? linkCredentials,
        Attempt attempt)
    {
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            configure(request);
            if (_credentials.For(current, linkCredentials) is { } found)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", found.ToBasicHeaderValue());
            }

            var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                response.Dispose();
                current = UrlRedactor.StripCredentials(location.IsAbsoluteUri ? location : new Uri(current, location));
                if (current.Scheme is not ("http" or "https"))
                {
                    break;
                }

                continue;
            }

            return (response, current);
        }

        throw new PackageIndexException(
            IndexErrorCode.InvalidIndexResponse,
            $"Too many or unusable redirects while fetching {UrlRedactor.Redact(url)}.",
            url);
    }

    private static async Task<long> CopyBodyAsync(HttpResponseMessage response, Stream destination, IncrementalHash[] hashes, Attempt attempt)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(attempt.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                long total = 0;
                while (true)
                {
                    attempt.RestartReadTimer();
                    var read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), attempt.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return total;
                    }

                    foreach (var hash in hashes)
                    {
                        hash.AppendData(buffer, 0, read);
                    }

                    try
                    {
                        await destination.WriteAsync(buffer.AsMemory(0, read), attempt.Token).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        throw CacheFailure(response.RequestMessage?.RequestUri, e);
                    }

                    total += read;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ThrowUnlessSuccess(HttpResponseMessage response, Uri url)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        if (status is 408 or 429 or >= 500)
        {
            throw new TransientFailureException($"HTTP {status}", status, RetryAfterOf(response));
        }

        var code = status is 401 or 403 ? IndexErrorCode.Unauthorized : IndexErrorCode.HttpStatus;
        var hint = code == IndexErrorCode.Unauthorized ? " Check the index credentials (URL, .netrc or UV_INDEX_<NAME>_USERNAME/_PASSWORD)." : string.Empty;
        throw new PackageIndexException(
            code,
            $"HTTP {status} {ReasonOf(status)} for {UrlRedactor.Redact(url)}.{hint}",
            url,
            status);
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private TimeSpan Backoff(int failedAttempts, TimeSpan? retryAfter)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempts - 1);
        var jittered = exponential * (0.5 + Random.Shared.NextDouble());
        var delay = TimeSpan.FromMilliseconds(Math.Min(jittered, _options.MaxRetryDelay.TotalMilliseconds));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < _options.MaxRetryDelay ? asked : _options.MaxRetryDelay;
        }

        return delay;
    }

    private static IncrementalHash CreateHash(string algorithm) => algorithm switch
    {
        "sha256" => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        "sha384" => IncrementalHash.CreateHash(HashAlgorithmName.SHA384),
        "sha512" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported digest."),
    };

    private static PackageIndexException CacheFailure(Uri? url, Exception e) =>
        new(IndexErrorCode.CacheFailure, $"Cannot write a downloaded file into the cache: {e.Message}", url, innerException: e);

    private static string ReasonOf(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? SplitWords(((HttpStatusCode)status).ToString()) : string.Empty;

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));

    /// <summary>One attempt's cancellation: the caller's token plus a timer that covers the wait for headers and then
    /// each read of the body.</summary>
    private sealed class Attempt(CancellationTokenSource timeout, TimeSpan readTimeout)
    {
        public CancellationToken Token => timeout.Token;

        public void RestartReadTimer() => timeout.CancelAfter(readTimeout);
    }
}
