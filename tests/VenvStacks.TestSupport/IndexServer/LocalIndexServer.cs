using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.TestSupport.IndexServer;

/// <summary>
/// An in-process package index on <c>http://127.0.0.1:{port}/</c> (port chosen by the OS at start), serving wheels
/// and sdists held in memory:
/// <list type="bullet">
/// <item><c>/simple/</c> and <c>/simple/{project}/</c>: PEP 691 JSON and/or PEP 503 HTML by content negotiation, with
/// hashes, <c>requires-python</c>, PEP 592 yanks, PEP 658/714 metadata, PEP 700 sizes and upload times; a
/// non-normalised project name is redirected to its normalised URL;</item>
/// <item><c>/files/{name}</c> and <c>/files/{name}.metadata</c>: the files and their core metadata;</item>
/// <item><c>/flat/</c>: a find-links style page listing every file.</item>
/// </list>
/// It records every request, can demand Basic credentials, injects faults (error statuses, dropped connections,
/// stalled bodies), and supports <c>ETag</c>/<c>Last-Modified</c> revalidation. Every response closes its connection, so
/// disposal leaves no listener, connection or task behind. pip 23.2 accepts its pages (see the integration tests).
/// </summary>
public sealed class LocalIndexServer : IAsyncDisposable, IDisposable
{
    private static readonly DateTimeOffset LastModifiedOrigin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<int, Task> connections = new();
    private readonly ConcurrentDictionary<int, TcpClient> clients = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<FaultHandle> faults = [];
    private readonly SortedDictionary<string, ServedFile> files = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly SimplePages pages;
    private readonly Task acceptLoop;
    private TaskCompletionSource releaseStalls = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int generation;
    private int sequence;
    private int connectionIds;
    private int disposed;

    private LocalIndexServer(LocalIndexServerOptions options)
    {
        Options = options;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(128);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        pages = new SimplePages(options, FileHref);
        acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The behaviour chosen at start.</summary>
    public LocalIndexServerOptions Options { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The simple API root, <c>http://127.0.0.1:{port}/simple/</c> (what <c>--index-url</c> takes).</summary>
    public Uri SimpleUri => new(BaseUri, "simple/");

    /// <summary>Where files are served, <c>http://127.0.0.1:{port}/files/</c>.</summary>
    public Uri FilesUri => new(BaseUri, "files/");

    /// <summary>The find-links style page listing every file, <c>http://127.0.0.1:{port}/flat/</c>.</summary>
    public Uri FlatPageUri => new(BaseUri, "flat/");

    /// <summary>Every request answered so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.OrderBy(r => r.Sequence).ToArray();

    /// <summary>The files currently served, by file name.</summary>
    public IReadOnlyList<ServedFile> Files
    {
        get
        {
            lock (gate)
            {
                return files.Values.ToArray();
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static LocalIndexServer Start(LocalIndexServerOptions? options = null) => new(options ?? new LocalIndexServerOptions());

    /// <summary>The project page URL for a name (normalised as clients must).</summary>
    public Uri ProjectUri(string project) => new(SimpleUri, WheelNames.Normalize(project) + "/");

    /// <summary>The URL a file is served from on this server.</summary>
    public Uri FileUri(string fileName) => new(FilesUri, Uri.EscapeDataString(fileName));

    /// <summary>Serves a built wheel.</summary>
    /// <param name="wheel">The wheel.</param>
    /// <param name="uploadTime">The PEP 700 upload time to report, if any.</param>
    /// <param name="yankedReason">Null for a normal file; a reason (possibly empty) to yank it.</param>
    /// <returns>The served file entry.</returns>
    public ServedFile Add(BuiltWheel wheel, DateTimeOffset? uploadTime = null, string? yankedReason = null) =>
        Add(ServedFile.FromWheel(wheel) with { UploadTime = uploadTime, YankedReason = yankedReason });

    /// <summary>Serves a file (replacing one of the same name).</summary>
    public ServedFile Add(ServedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _ = file.Project;
        lock (gate)
        {
            files[file.FileName] = file;
            generation++;
        }

        return file;
    }

    /// <summary>Serves every <c>*.whl</c>, <c>*.tar.gz</c> and <c>*.zip</c> in a folder (not recursive).</summary>
    public IReadOnlyList<ServedFile> AddFolder(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(p => WheelNames.ProjectOf(Path.GetFileName(p)) is not null)
            .Order(StringComparer.Ordinal)
            .Select(p => Add(ServedFile.FromBytes(Path.GetFileName(p), File.ReadAllBytes(p))))
            .ToArray();

    /// <summary>Changes a served file (for example to yank it or change its upload time).</summary>
    public ServedFile Update(string fileName, Func<ServedFile, ServedFile> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var updated = change(files[fileName]);
            files[fileName] = updated;
            generation++;
            return updated;
        }
    }

    /// <summary>Stops serving a file.</summary>
    public void Remove(string fileName)
    {
        lock (gate)
        {
            files.Remove(fileName);
            generation++;
        }
    }

    /// <summary>Injects a fault for the next matching requests.</summary>
    public FaultHandle InjectFault(ServerFault fault)
    {
        var handle = new FaultHandle(fault);
        lock (gate)
        {
            faults.Add(handle);
        }

        return handle;
    }

    /// <summary>Removes every injected fault that has not run out yet (an index that comes back).</summary>
    public void ClearFaults()
    {
        lock (gate)
        {
            faults.Clear();
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests under <paramref name="pathPrefix"/> with <paramref name="status"/>.</summary>
    public FaultHandle FailNext(string pathPrefix, int times, int status = 503) =>
        InjectFault(new ServerFault(pathPrefix, times) { Status = status });

    /// <summary>Lets every stalled response finish sending its body.</summary>
    public void ReleaseStalledResponses()
    {
        TaskCompletionSource released;
        lock (gate)
        {
            released = releaseStalls;
            releaseStalls = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => requests.Clear();

    /// <summary>The recorded requests whose decoded path starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string pathPrefix) =>
        Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToArray();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        try
        {
            await acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections.Values).ConfigureAwait(false);
        listener.Dispose();
        stopping.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var id = Interlocked.Increment(ref connectionIds);
            clients[id] = client;
            connections[id] = ServeConnectionAsync(id, client);
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
                var head = await HttpRequestHead.ReadAsync(stream, stopping.Token).ConfigureAwait(false);
                if (head is not null)
                {
                    await AnswerAsync(client, stream, head).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the server is stopping; nothing to answer.
        }
        finally
        {
            clients.TryRemove(id, out _);
            connections.TryRemove(id, out _);
        }
    }

    private async Task AnswerAsync(TcpClient client, NetworkStream stream, HttpRequestHead head)
    {
        var number = Interlocked.Increment(ref sequence);
        var path = Uri.UnescapeDataString(head.Target.Split('?', 2)[0]);
        FaultHandle? fault;
        lock (gate)
        {
            fault = faults.FirstOrDefault(f => f.TryConsume(path));
        }

        if (fault?.Fault.Kind == ServerFaultKind.Disconnect)
        {
            Record(number, head, 0, 0);
            fault.MarkTriggered();
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
            return;
        }

        var response = fault?.Fault.Kind == ServerFaultKind.Status
            ? new Response(fault.Fault.Status, "text/plain", Encoding.UTF8.GetBytes("injected fault\n"), new(fault.Fault.Headers))
            : Route(head, path);
        var body = head.Method == "HEAD" ? [] : response.Body;

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n");
        if (response.ContentType is not null)
        {
            header.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        }

        header.Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
        foreach (var (name, value) in response.Headers)
        {
            header.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        header.Append("Connection: close\r\n\r\n");
        // Recorded before answering, so that a client that has its answer always finds the request in the log.
        var stalling = fault?.Fault.Kind == ServerFaultKind.Stall;
        var partial = stalling ? Math.Min(fault!.Fault.BytesBeforeStall, body.Length) : body.Length;
        Record(number, head, response.Status, partial);
        await stream.WriteAsync(Encoding.Latin1.GetBytes(header.ToString()), stopping.Token).ConfigureAwait(false);

        if (stalling)
        {
            await stream.WriteAsync(body.AsMemory(0, partial), stopping.Token).ConfigureAwait(false);
            await stream.FlushAsync(stopping.Token).ConfigureAwait(false);
            Task released;
            lock (gate)
            {
                released = releaseStalls.Task;
            }

            fault!.MarkTriggered();
            await released.WaitAsync(stopping.Token).ConfigureAwait(false);
            await stream.WriteAsync(body.AsMemory(partial), stopping.Token).ConfigureAwait(false);
            return;
        }

        await stream.WriteAsync(body, stopping.Token).ConfigureAwait(false);
        await stream.FlushAsync(stopping.Token).ConfigureAwait(false);
        fault?.MarkTriggered();
    }

    private void Record(int number, HttpRequestHead head, int status, long bodyBytes) =>
        requests.Enqueue(new RecordedRequest(number, head.Method, head.Target, head.Headers, status, bodyBytes));

    private Response Route(HttpRequestHead head, string path)
    {
        if (head.Method is not ("GET" or "HEAD"))
        {
            return Response.Text(405, "method not allowed\n");
        }

        if (Options.RequiredCredentials is { } required && !HasCredentials(head, required))
        {
            return Response.Text(401, "unauthorized\n") with { Headers = new() { ["WWW-Authenticate"] = "Basic realm=\"local-index\"" } };
        }

        if (path == "/simple")
        {
            return Redirect(301, "/simple/");
        }

        if (path == "/simple/")
        {
            return Page(head, RootPage);
        }

        if (path.StartsWith("/simple/", StringComparison.Ordinal))
        {
            var project = path["/simple/".Length..].TrimEnd('/');
            var normalized = WheelNames.Normalize(project);
            if (project != normalized || !path.EndsWith('/'))
            {
                return Redirect(301, "/simple/" + normalized + "/");
            }

            var projectFiles = FilesOf(normalized);
            return projectFiles.Count == 0 ? Response.Text(404, "no such project\n") : Page(head, type => ProjectPage(normalized, projectFiles, type));
        }

        if (path is "/flat/" or "/flat")
        {
            var all = Files;
            return Conditional(head, new Response(200, "text/html; charset=utf-8", pages.FlatHtml(all), []));
        }

        if (path.StartsWith("/redirect/", StringComparison.Ordinal))
        {
            return Redirect(302, "/files/" + Uri.EscapeDataString(path["/redirect/".Length..]));
        }

        if (path.StartsWith("/files/", StringComparison.Ordinal))
        {
            return FileResponse(path["/files/".Length..]);
        }

        return Response.Text(404, "not found\n");
    }

    private Response FileResponse(string name)
    {
        if (Options.RedirectFilesTo is { } target)
        {
            return Redirect(302, new Uri(target, Uri.EscapeDataString(name)).AbsoluteUri);
        }

        lock (gate)
        {
            if (files.TryGetValue(name, out var file))
            {
                return new Response(200, "application/octet-stream", file.Content, []);
            }

            if (name.EndsWith(".metadata", StringComparison.Ordinal) &&
                files.TryGetValue(name[..^".metadata".Length], out var owner) &&
                pages.OffersMetadata(owner))
            {
                return new Response(200, "application/octet-stream", owner.Metadata!, []);
            }
        }

        return Response.Text(404, "no such file\n");
    }

    private Response Page(HttpRequestHead head, Func<string, byte[]> render)
    {
        var type = MediaTypes.Choose(head.Headers.GetValueOrDefault("Accept"), Options.Api);
        if (type is null)
        {
            return Response.Text(406, "not acceptable\n");
        }

        var contentType = type == MediaTypes.TextHtml ? "text/html; charset=utf-8" : type;
        return Conditional(head, new Response(200, contentType, render(type), new() { ["Vary"] = "Accept" }));
    }

    private Response Conditional(HttpRequestHead head, Response response)
    {
        if (!Options.SupportConditionalRequests)
        {
            return response;
        }

        int current;
        lock (gate)
        {
            current = generation;
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(response.Body))[..24] + "\"";
        var lastModified = LastModifiedOrigin.AddSeconds(current).ToString("R", CultureInfo.InvariantCulture);
        var validators = new Dictionary<string, string>(response.Headers) { ["ETag"] = etag, ["Last-Modified"] = lastModified };
        var ifNoneMatch = head.Headers.GetValueOrDefault("If-None-Match");
        var notModified = ifNoneMatch is not null
            ? ifNoneMatch.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")
            : head.Headers.TryGetValue("If-Modified-Since", out var since) &&
              DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceTime) &&
              sinceTime >= LastModifiedOrigin.AddSeconds(current);
        return notModified
            ? new Response(304, null, [], validators)
            : response with { Headers = validators };
    }

    private byte[] RootPage(string type)
    {
        var projects = Files.Select(f => f.Project).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return type == MediaTypes.Json ? pages.RootJson(projects) : pages.RootHtml(projects);
    }

    private byte[] ProjectPage(string project, IReadOnlyList<ServedFile> projectFiles, string type) =>
        type == MediaTypes.Json ? pages.ProjectJson(project, projectFiles) : pages.ProjectHtml(project, projectFiles);

    private List<ServedFile> FilesOf(string project)
    {
        lock (gate)
        {
            return files.Values.Where(f => f.Project == project).ToList();
        }
    }

    private string FileHref(ServedFile file, string page)
    {
        var escaped = Uri.EscapeDataString(file.FileName);
        if (Options.ExternalFileBase is { } external)
        {
            return new Uri(external, escaped).AbsoluteUri;
        }

        var up = page == "flat" ? "../" : "../../";
        return Options.FileUrls switch
        {
            FileUrlStyle.Absolute => new Uri(FilesUri, escaped).AbsoluteUri,
            FileUrlStyle.RedirectWithinServer => up + "redirect/" + escaped,
            _ => up + "files/" + escaped,
        };
    }

    private static Response Redirect(int status, string location) =>
        Response.Text(status, "moved\n") with { Headers = new() { ["Location"] = location } };

    private static bool HasCredentials(HttpRequestHead head, BasicCredential required)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(required.Pair));
        return head.Headers.TryGetValue("Authorization", out var actual) && actual == expected;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private sealed record Response(int Status, string? ContentType, byte[] Body, Dictionary<string, string> Headers)
    {
        public static Response Text(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), []);
    }
}
