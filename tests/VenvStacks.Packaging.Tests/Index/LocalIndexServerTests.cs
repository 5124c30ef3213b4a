using System.Net;
using System.Net.Sockets;
using VenvStacks.TestSupport.IndexServer;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.Index;

/// <summary>The local index server as a fixture: what it answers to plain HTTP clients.</summary>
public sealed class LocalIndexServerTests
{
    [Theory]
    [InlineData("application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.v1+json")]
    [InlineData("application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.v1+html")]
    [InlineData("text/html", "text/html; charset=utf-8")]
    [InlineData("*/*", "text/html; charset=utf-8")]
    [InlineData("application/vnd.pypi.simple.v1+json;q=0.1, application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.v1+html")]
    public async Task Pages_are_negotiated_by_accept_header(string accept, string contentType)
    {
        await using var server = StartDemoServer();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.ProjectUri("demo-lib"));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe(contentType);
    }

    [Fact]
    public async Task An_html_only_server_refuses_json_only_requests()
    {
        await using var server = StartDemoServer(new LocalIndexServerOptions { Api = IndexApiMode.HtmlOnly });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.ProjectUri("demo-lib"));
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.pypi.simple.v1+json");

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Unnormalised_project_urls_redirect_to_the_normalised_one()
    {
        await using var server = StartDemoServer();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri(server.SimpleUri, "Demo_Lib"));

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.ShouldBe("/simple/demo-lib/");
    }

    [Fact]
    public async Task The_root_page_lists_projects_and_files_are_served_with_their_metadata()
    {
        await using var server = StartDemoServer();
        using var http = new HttpClient();

        var root = await http.GetStringAsync(server.SimpleUri);
        var wheel = await http.GetByteArrayAsync(server.FileUri(Lib10.FileName));
        var metadata = await http.GetByteArrayAsync(new Uri(server.FileUri(Lib10.FileName) + ".metadata"));

        root.ShouldContain("demo-app/");
        root.ShouldContain("demo-lib/");
        wheel.ShouldBe(Lib10.Content);
        metadata.ShouldBe(Lib10.Metadata);
    }

    [Fact]
    public async Task A_folder_of_wheels_can_be_served()
    {
        using var folder = new TestFolder();
        Lib10.WriteTo(folder.Path);
        App10.WriteTo(folder.Path);
        File.WriteAllText(folder.Combine("notes.txt"), "ignored");
        await using var server = LocalIndexServer.Start();

        var served = server.AddFolder(folder.Path);

        served.Select(f => f.FileName).ShouldBe([App10.FileName, Lib10.FileName]);
        served.Single(f => f.FileName == Lib10.FileName).RequiresPython.ShouldBe(">=3.8");
    }

    [Fact]
    public async Task Disposal_closes_the_port_and_ends_stalled_responses()
    {
        var server = StartDemoServer();
        var port = server.Port;
        var stall = server.InjectFault(new ServerFault("/files/", 1, ServerFaultKind.Stall) { BytesBeforeStall = 10 });
        using var http = new HttpClient();
        var hanging = http.GetByteArrayAsync(server.FileUri(Lib10.FileName));
        await stall.Triggered.WaitAsync(TimeSpan.FromSeconds(30));

        await server.DisposeAsync();

        await Should.ThrowAsync<HttpRequestException>(() => hanging);
        using var probe = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Servers_get_distinct_ports_chosen_at_run_time()
    {
        await using var a = LocalIndexServer.Start();
        await using var b = LocalIndexServer.Start();

        a.Port.ShouldNotBe(b.Port);
        a.Port.ShouldBeGreaterThan(0);
    }
}
