using VenvStacks.Packaging.Index;
using VenvStacks.TestSupport.IndexServer;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.Index;

public sealed class IndexClientPageTests
{
    [Fact]
    public async Task Json_is_negotiated_when_offered_and_lists_every_attribute()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));

        var page = await client.GetProjectAsync(Simple(server), "Demo_Lib");

        page.ShouldNotBeNull();
        page.Format.ShouldBe(PageFormat.Json);
        page.ApiVersion.ShouldBe("1.1");
        page.Versions.ShouldBe(["1.0", "1.1", "1.2"], ignoreOrder: true);
        server.RequestsTo("/simple/demo-lib/").Single().Header("Accept").ShouldBe(IndexClient.SimpleAccept);
        var lib11 = page.Files.Single(f => f.FileName == Lib11.FileName);
        lib11.Kind.ShouldBe(DistributionKind.Wheel);
        lib11.Name.Value.ShouldBe("demo-lib");
        lib11.Version.ToString().ShouldBe("1.1");
        lib11.Url.ShouldBe(server.FileUri(Lib11.FileName));
        lib11.Sha256.ShouldBe(Lib11.Sha256);
        lib11.RequiresPython.ShouldBe(">=3.9, <4");
        lib11.RequiresPythonSpecifiers!.Contains("3.11").ShouldBeTrue();
        lib11.IsYanked.ShouldBeFalse();
        lib11.CoreMetadata!.Sha256.ShouldBe(Lib11.MetadataSha256);
        lib11.UploadTime.ShouldBe(Day2);
        lib11.Size.ShouldBe(Lib11.Content.Length);
        lib11.Source.ShouldBe(Simple(server));
    }

    [Fact]
    public async Task Json_and_html_pages_of_the_same_index_describe_the_same_files()
    {
        using var jsonCache = new TestFolder();
        using var htmlCache = new TestFolder();
        await using var jsonServer = StartDemoServer();
        await using var htmlServer = StartDemoServer(new LocalIndexServerOptions { Api = IndexApiMode.HtmlOnly });
        using var jsonClient = new IndexClient(Options(jsonCache));
        using var htmlClient = new IndexClient(Options(htmlCache));

        var json = (await jsonClient.GetProjectAsync(Simple(jsonServer), "demo-lib"))!;
        var html = (await htmlClient.GetProjectAsync(Simple(htmlServer), "demo-lib"))!;

        json.Format.ShouldBe(PageFormat.Json);
        html.Format.ShouldBe(PageFormat.Html);
        html.ApiVersion.ShouldBe("1.1");
        static object Comparable(IndexFile f) => new
        {
            f.FileName,
            f.Kind,
            Name = f.Name.Value,
            Version = f.Version.ToString(),
            Path = f.Url.AbsolutePath,
            Hashes = string.Join(",", f.Hashes.OrderBy(h => h.Key).Select(h => h.Key + "=" + h.Value)),
            f.RequiresPython,
            f.YankedReason,
            Metadata = f.CoreMetadata?.Sha256,
        };
        html.Files.Select(Comparable).ShouldBe(json.Files.Select(Comparable));
        // What HTML cannot carry (PEP 700 is JSON-only):
        html.Files.ShouldAllBe(f => f.UploadTime == null && f.Size == null);
        json.Files.ShouldAllBe(f => f.UploadTime != null && f.Size != null);
    }

    [Fact]
    public async Task Yanked_files_and_sdists_are_listed_and_flagged()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { Api = IndexApiMode.HtmlOnly });
        using var client = new IndexClient(Options(cache));

        var page = (await client.GetProjectAsync(Simple(server), "demo-lib"))!;

        var yanked = page.Files.Single(f => f.Version.ToString() == "1.2");
        yanked.IsYanked.ShouldBeTrue();
        yanked.YankedReason.ShouldBe("broken <build> & co");
        page.Files.Where(f => f.Version.ToString() != "1.2").ShouldAllBe(f => !f.IsYanked);
        var sdist = page.Files.Single(f => f.FileName == "demo_lib-1.1.tar.gz");
        sdist.Kind.ShouldBe(DistributionKind.SourceDistribution);
        sdist.CoreMetadata.ShouldBeNull();
    }

    [Fact]
    public async Task A_project_the_index_does_not_have_is_null_not_an_error()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));

        (await client.GetProjectAsync(Simple(server), "no-such-thing")).ShouldBeNull();
        server.RequestsTo("/simple/no-such-thing/").Single().Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_second_run_revalidates_with_its_etag_and_reuses_the_cached_body_on_304()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        var events = new List<IndexEvent>();
        using (var first = new IndexClient(Options(cache)))
        {
            await first.GetProjectAsync(Simple(server), "demo-lib");
        }

        using var second = new IndexClient(Options(cache, events));
        var page = await second.GetProjectAsync(Simple(server), "demo-lib");

        var requests = server.RequestsTo("/simple/demo-lib/");
        requests.Count.ShouldBe(2);
        requests[0].Status.ShouldBe(200);
        requests[0].Header("If-None-Match").ShouldBeNull();
        requests[1].Header("If-None-Match").ShouldNotBeNull();
        requests[1].Header("If-Modified-Since").ShouldNotBeNull();
        requests[1].Status.ShouldBe(304);
        requests[1].BodyBytes.ShouldBe(0);
        page!.Files.Length.ShouldBe(6 - 1); // every demo-lib file; the app is another project
        events.ShouldContain(e => e.Kind == IndexEventKind.PageNotModified);
    }

    [Fact]
    public async Task A_changed_page_is_downloaded_again_on_revalidation()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using (var first = new IndexClient(Options(cache)))
        {
            (await first.GetProjectAsync(Simple(server), "demo-lib"))!.Files.Length.ShouldBe(5);
        }

        server.Add(new TestSupport.Wheels.WheelBuilder("demo-lib", "2.0").Build(), Day3);
        using var second = new IndexClient(Options(cache));
        var page = await second.GetProjectAsync(Simple(server), "demo-lib");

        page!.Files.Length.ShouldBe(6);
        server.RequestsTo("/simple/demo-lib/")[1].Status.ShouldBe(200);
    }

    [Fact]
    public async Task One_client_fetches_a_page_once_however_often_it_is_asked()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetProjectAsync(Simple(server), "DEMO-lib")));
        await client.GetProjectAsync(Simple(server), "demo.lib");

        server.RequestsTo("/simple/").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Offline_mode_serves_cached_pages_and_reports_a_coded_miss_otherwise()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using (var online = new IndexClient(Options(cache)))
        {
            await online.GetProjectAsync(Simple(server), "demo-lib");
            (await online.GetProjectAsync(Simple(server), "absent")).ShouldBeNull();
        }

        server.ClearRequests();
        using var offline = new IndexClient(Options(cache) with { Offline = true });

        (await offline.GetProjectAsync(Simple(server), "demo-lib"))!.Files.Length.ShouldBe(5);
        (await offline.GetProjectAsync(Simple(server), "absent")).ShouldBeNull();
        var miss = await Should.ThrowAsync<PackageIndexException>(() => offline.GetProjectAsync(Simple(server), "demo-app"));
        miss.Code.ShouldBe(IndexErrorCode.OfflineCacheMiss);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_the_index_answers()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        var fault = server.FailNext("/simple/demo-lib/", times: 2, status: 503);
        var events = new List<IndexEvent>();
        using var client = new IndexClient(Options(cache, events));

        var page = await client.GetProjectAsync(Simple(server), "demo-lib");

        page.ShouldNotBeNull();
        fault.Hits.ShouldBe(2);
        server.RequestsTo("/simple/demo-lib/").Select(r => r.Status).ShouldBe([503, 503, 200]);
        events.Count(e => e.Kind == IndexEventKind.Retrying).ShouldBe(2);
    }

    [Fact]
    public async Task Dropped_connections_and_429_are_transient_too()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        server.InjectFault(new ServerFault("/simple/demo-lib/", 1, ServerFaultKind.Disconnect));
        server.InjectFault(new ServerFault("/simple/demo-lib/", 1) { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });
        using var client = new IndexClient(Options(cache));

        (await client.GetProjectAsync(Simple(server), "demo-lib")).ShouldNotBeNull();
        server.RequestsTo("/simple/demo-lib/").Select(r => r.Status).ShouldBe([0, 429, 200]);
    }

    [Fact]
    public async Task Persistent_failures_end_in_a_coded_error_naming_url_and_status()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        server.FailNext("/simple/demo-lib/", times: 100, status: 502);
        using var client = new IndexClient(Options(cache) with { MaxRetries = 2 });

        var error = await Should.ThrowAsync<PackageIndexException>(() => client.GetProjectAsync(Simple(server), "demo-lib"));

        error.Code.ShouldBe(IndexErrorCode.TransientFailure);
        error.StatusCode.ShouldBe(502);
        error.Url.ShouldBe(server.ProjectUri("demo-lib").AbsoluteUri);
        error.Message.ShouldContain("after 3 attempts");
        error.Message.ShouldContain("HTTP 502 Bad Gateway");
        server.RequestsTo("/simple/demo-lib/").Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_permanent_error_is_not_retried()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        server.FailNext("/simple/demo-lib/", times: 5, status: 400);
        using var client = new IndexClient(Options(cache));

        var error = await Should.ThrowAsync<PackageIndexException>(() => client.GetProjectAsync(Simple(server), "demo-lib"));

        error.Code.ShouldBe(IndexErrorCode.HttpStatus);
        error.StatusCode.ShouldBe(400);
        server.RequestsTo("/simple/demo-lib/").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Relative_links_resolve_against_the_page_after_redirects()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { Api = IndexApiMode.HtmlOnly, FileUrls = FileUrlStyle.RedirectWithinServer });
        using var client = new IndexClient(Options(cache));

        // The index URL lacks the trailing slash and the server redirects /simple to /simple/ style URLs itself.
        var index = IndexSource.Simple(server.BaseUri.AbsoluteUri + "simple");
        var page = (await client.GetProjectAsync(index, "demo-lib"))!;
        var file = page.Files.Single(f => f.FileName == Lib10.FileName);
        var downloaded = await client.DownloadAsync(file);

        file.Url.AbsoluteUri.ShouldBe(server.BaseUri.AbsoluteUri + "redirect/" + Lib10.FileName);
        downloaded.Sha256.ShouldBe(Lib10.Sha256);
        server.RequestsTo("/redirect/").Single().Status.ShouldBe(302);
    }

    [Fact]
    public async Task A_page_from_a_newer_major_api_version_is_rejected()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { ApiVersion = "2.0" });
        using var client = new IndexClient(Options(cache));

        var error = await Should.ThrowAsync<PackageIndexException>(() => client.GetProjectAsync(Simple(server), "demo-lib"));

        error.Code.ShouldBe(IndexErrorCode.InvalidIndexResponse);
        error.Message.ShouldContain("2.0");
    }
}
