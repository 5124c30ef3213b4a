using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.TestSupport.Runtimes;

/// <summary>
/// Serves a folder's files as they are on disk over <c>http://127.0.0.1:{port}/</c> (port chosen by the OS): GET and
/// HEAD, <c>Content-Length</c>, 404 for anything that is not a file inside the folder (no listings, no escaping it with
/// <c>..</c>). A plain mirror for runtime archives and their download table, which the package index server (which
/// only knows distribution files) does not serve. It records every request; every response closes its connection, so
/// disposal leaves no listener, connection or task behind.
/// </summary>
public sealed class LocalFileServer : IAsyncDisposable, IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private readonly ConcurrentDictionary<int, TcpClient> _clients = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _acceptLoop;
    private int _connectionIds;
    private int _sequence;
    private int _disposed;

    private LocalFileServer(string root)
    {
        Root = Path.GetFullPath(root);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(64);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The folder served.</summary>
    public string Root { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>: the folder itself.</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request answered so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.OrderBy(r => r.Sequence).ToArray();

    /// <summary>Starts serving <paramref name="root"/> on a free loopback port.</summary>
    public static LocalFileServer Start(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("Nothing to serve: " + root);
        }

        return new LocalFileServer(root);
    }

    /// <summary>The URL of a file below the root (forward slashes; each segment is escaped).</summary>
    public Uri UriOf(string relativePath) =>
        new(BaseUri, string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)));

    /// <summary>The recorded requests for a decoded path (for example <c>/python-downloads.json</c>).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        Requests.Where(r => r.Path == path).ToArray();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        _listener.Dispose();
        _stopping.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var id = Interlocked.Increment(ref _connectionIds);
            _clients[id] = client;
            _connections[id] = ServeConnectionAsync(id, client);
        }
    }

    private async Task ServeConnectionAsync(int id, TcpClient client)
    {
        await Task.Yield();
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var head = await HttpRequestHead.ReadAsync(stream, _stopping.Token).ConfigureAwait(false);
                if (head is not null)
                {
                    await AnswerAsync(stream, head).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the server is stopping; nothing to answer.
        }
        finally
        {
            _clients.TryRemove(id, out _);
            _connections.TryRemove(id, out _);
        }
    }

    private async Task AnswerAsync(NetworkStream stream, HttpRequestHead head)
    {
        var number = Interlocked.Increment(ref _sequence);
        var file = head.Method is "GET" or "HEAD" ? Resolve(head.Target) : null;
        var status = head.Method is not ("GET" or "HEAD") ? 405 : file is null ? 404 : 200;
        var length = status == 200 ? new FileInfo(file!).Length : 0;
        var sent = head.Method == "GET" ? length : 0;
        _requests.Enqueue(new RecordedRequest(number, head.Method, head.Target, head.Headers, status, sent));

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(status switch { 200 => "OK", 404 => "Not Found", _ => "Method Not Allowed" })}\r\n");
        header.Append("Content-Type: ").Append(status == 200 ? ContentType(file!) : "text/plain").Append("\r\n");
        header.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        header.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(header.ToString()), _stopping.Token).ConfigureAwait(false);
        if (sent > 0)
        {
            await using var content = new FileStream(file!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await content.CopyToAsync(stream, _stopping.Token).ConfigureAwait(false);
        }

        await stream.FlushAsync(_stopping.Token).ConfigureAwait(false);
    }

    // The file a request target names, or null when it is not a file inside the root.
    private string? Resolve(string target)
    {
        var path = Uri.UnescapeDataString(target.Split('?', 2)[0]).TrimStart('/');
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, path));
        var inside = full.StartsWith(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && File.Exists(full) ? full : null;
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".gz" => "application/gzip",
        ".zst" => "application/zstd",
        ".xz" => "application/x-xz",
        ".zip" or ".whl" => "application/zip",
        _ => "application/octet-stream",
    };
}
