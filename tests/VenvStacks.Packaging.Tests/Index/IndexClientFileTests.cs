using System.Security.Cryptography;
using VenvStacks.Packaging.Index;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.Index;

public sealed class IndexClientFileTests
{
    [Fact]
    public async Task A_download_is_verified_and_stored_by_content_hash()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));
        var file = await FileAsync(client, server, Lib11.FileName);

        var downloaded = await client.DownloadAsync(file);

        downloaded.Sha256.ShouldBe(Lib11.Sha256);
        downloaded.Size.ShouldBe(Lib11.Content.Length);
        File.ReadAllBytes(downloaded.Path).ShouldBe(Lib11.Content);
        Path.GetFileName(downloaded.Path).ShouldBe(Lib11.Sha256);
        downloaded.Path.ShouldStartWith(cache.Path);
        cache.AllFiles().ShouldNotContain(p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_verified_file_is_never_downloaded_twice()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        var events = new List<IndexEvent>();
        using (var first = new IndexClient(Options(cache)))
        {
            await first.DownloadAsync(await FileAsync(first, server, Lib10.FileName));
        }

        using var second = new IndexClient(Options(cache, events));
        var again = await second.DownloadAsync(await FileAsync(second, server, Lib10.FileName));

        again.Sha256.ShouldBe(Lib10.Sha256);
        server.RequestsTo("/files/" + Lib10.FileName).Count.ShouldBe(1);
        events.ShouldContain(e => e.Kind == IndexEventKind.FileFromCache);
    }

    [Fact]
    public async Task Files_without_an_advertised_hash_are_hashed_and_reused_by_url()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { IncludeHashes = false });
        using (var first = new IndexClient(Options(cache)))
        {
            var file = await FileAsync(first, server, Lib10.FileName);
            file.Hashes.ShouldBeEmpty();
            (await first.DownloadAsync(file)).Sha256.ShouldBe(Lib10.Sha256);
        }

        using var second = new IndexClient(Options(cache) with { Offline = true });
        var offline = await second.DownloadAsync(await FileAsync(second, server, Lib10.FileName));

        offline.Sha256.ShouldBe(Lib10.Sha256);
        server.RequestsTo("/files/").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_hash_mismatch_is_a_coded_error_and_caches_nothing()
    {
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start();
        var wrong = new string('a', 64);
        server.Add(ServedFile.FromWheel(Lib10) with { AdvertisedSha256 = wrong });
        using var client = new IndexClient(Options(cache));
        var file = await FileAsync(client, server, Lib10.FileName);

        var error = await Should.ThrowAsync<PackageIndexException>(() => client.DownloadAsync(file));

        error.Code.ShouldBe(IndexErrorCode.HashMismatch);
        error.Message.ShouldContain(wrong);
        error.Message.ShouldContain(Lib10.Sha256);
        cache.AllFiles().ShouldAllBe(p => p.Contains("pages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_file_is_a_permanent_error_naming_the_url()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));
        var file = await FileAsync(client, server, Lib10.FileName);
        server.Remove(Lib10.FileName);

        var error = await Should.ThrowAsync<PackageIndexException>(() => client.DownloadAsync(file));

        error.Code.ShouldBe(IndexErrorCode.HttpStatus);
        error.StatusCode.ShouldBe(404);
        error.Url.ShouldBe(server.FileUri(Lib10.FileName).AbsoluteUri);
        error.Message.ShouldBe($"HTTP 404 Not Found for {server.FileUri(Lib10.FileName).AbsoluteUri}.");
        server.RequestsTo("/files/").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Pep_658_metadata_is_used_when_offered_and_the_wheel_is_not_downloaded()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));

        var metadata = await client.GetMetadataAsync(await FileAsync(client, server, Lib11.FileName));

        metadata.Name.ShouldBe("Demo.Lib");
        metadata.Version.ToString().ShouldBe("1.1");
        metadata.ProvidesExtra.ShouldBe(["speed"]);
        metadata.RequiresDistText.ShouldBe(["fastjson>=2 ; (python_version >= \"3.10\") and extra == \"speed\""]);
        server.RequestsTo("/files/").Select(r => r.Path).ShouldBe(["/files/" + Lib11.FileName + ".metadata"]);
    }

    [Fact]
    public async Task Without_pep_658_the_metadata_is_read_from_the_downloaded_wheel_once()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { ServeCoreMetadata = false, Api = IndexApiMode.HtmlOnly });
        using (var client = new IndexClient(Options(cache)))
        {
            var file = await FileAsync(client, server, Lib11.FileName);
            file.CoreMetadata.ShouldBeNull();
            (await client.GetMetadataAsync(file)).RequiresPython!.ToString().ShouldBe("<4,>=3.9");
        }

        using var offline = new IndexClient(Options(cache) with { Offline = true });
        var again = await offline.GetMetadataAsync(await FileAsync(offline, server, Lib11.FileName));

        again.Version.ToString().ShouldBe("1.1");
        server.RequestsTo("/files/").Select(r => r.Path).ShouldBe(["/files/" + Lib11.FileName]);
    }

    [Fact]
    public async Task A_metadata_file_that_does_not_match_its_hash_is_rejected()
    {
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start();
        server.Add(ServedFile.FromWheel(Lib10) with { AdvertisedMetadataSha256 = new string('b', 64) });
        using var client = new IndexClient(Options(cache));

        var error = await Should.ThrowAsync<PackageIndexException>(async () => await client.GetMetadataAsync(await FileAsync(client, server, Lib10.FileName)));

        error.Code.ShouldBe(IndexErrorCode.HashMismatch);
        cache.AllFiles().ShouldAllBe(p => p.Contains("pages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_that_contradicts_the_file_name_is_rejected()
    {
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start();
        var impostor = new WheelBuilder("other-project", "1.0").Build();
        server.Add(ServedFile.FromBytes("demo_lib-1.0-py3-none-any.whl", impostor.Content));
        using var client = new IndexClient(Options(cache));

        var error = await Should.ThrowAsync<PackageIndexException>(async () =>
            await client.GetMetadataAsync(await FileAsync(client, server, "demo_lib-1.0-py3-none-any.whl")));

        error.Code.ShouldBe(IndexErrorCode.InvalidDistribution);
        error.Message.ShouldContain("other-project 1.0");
    }

    [Fact]
    public async Task Sdist_metadata_is_not_available_without_a_metadata_file()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));

        var error = await Should.ThrowAsync<PackageIndexException>(async () =>
            await client.GetMetadataAsync(await FileAsync(client, server, "demo_lib-1.1.tar.gz")));

        error.Code.ShouldBe(IndexErrorCode.InvalidDistribution);
        server.RequestsTo("/files/").ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_an_in_flight_download_stops_it_promptly_and_leaves_no_partial_file()
    {
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start();
        var big = new WheelBuilder("big", "1.0").WithFile("big/blob.bin", RandomNumberGenerator.GetBytes(512 * 1024)).Build();
        server.Add(big);
        using var client = new IndexClient(Options(cache) with { ReadTimeout = TimeSpan.FromMinutes(5) });
        var file = await FileAsync(client, server, big.FileName);
        var stall = server.InjectFault(new ServerFault("/files/", 1, ServerFaultKind.Stall) { BytesBeforeStall = 64 * 1024 });
        using var cancellation = new CancellationTokenSource();

        var download = client.DownloadAsync(file, cancellation.Token);
        await stall.Triggered.WaitAsync(TimeSpan.FromSeconds(30));
        download.IsCompleted.ShouldBeFalse();
        await cancellation.CancelAsync();

        // No timed assert: a cancelled download that hung would make the test run into the harness timeout instead.
        await Should.ThrowAsync<OperationCanceledException>(() => download);
        cache.AllFiles().ShouldAllBe(p => p.Contains("pages", StringComparison.Ordinal));
        server.RequestsTo("/files/").Single().BodyBytes.ShouldBe(64 * 1024);
    }

    [Fact]
    public async Task A_stalled_body_times_out_and_is_retried()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        server.InjectFault(new ServerFault("/files/", 1, ServerFaultKind.Stall) { BytesBeforeStall = 100 });
        using var client = new IndexClient(Options(cache) with { ReadTimeout = TimeSpan.FromMilliseconds(300) });

        var downloaded = await client.DownloadAsync(await FileAsync(client, server, Lib10.FileName));

        downloaded.Sha256.ShouldBe(Lib10.Sha256);
        server.RequestsTo("/files/").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_requests_are_bounded_and_all_complete()
    {
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start();
        var wheels = Enumerable.Range(0, 12).Select(i => new WheelBuilder("pkg" + i, "1.0").Build()).ToArray();
        foreach (var wheel in wheels)
        {
            server.Add(wheel);
        }

        using var client = new IndexClient(Options(cache) with { MaxConcurrentRequests = 2 });
        var results = await Task.WhenAll(wheels.Select(async w => await client.DownloadAsync(await FileAsync(client, server, w.FileName))));

        results.Select(r => r.Sha256).ShouldBe(wheels.Select(w => w.Sha256));
    }

    internal static async Task<IndexFile> FileAsync(IndexClient client, LocalIndexServer server, string fileName)
    {
        var project = WheelNames.ProjectOf(fileName)!;
        var page = await client.GetProjectAsync(Simple(server), project);
        return page!.Files.Single(f => f.FileName == fileName);
    }
}
