using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.TestSupport.IndexServer;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.Credentials;

public sealed class CredentialTests
{
    private const string User = "alice";
    private const string Secret = "s3cr3t-T0ken!";

    [Fact]
    public async Task Credentials_in_the_index_url_are_sent_as_basic_auth_and_appear_nowhere_else()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { RequiredCredentials = new BasicCredential(User, Secret) });
        var events = new List<IndexEvent>();
        using var client = new IndexClient(Options(cache, events));
        var index = IndexSource.Simple(WithUserInfo(server.SimpleUri, User, Uri.EscapeDataString(Secret)), "private");

        var page = (await client.GetProjectAsync(index, "demo-lib"))!;
        var file = page.Files.Single(f => f.FileName == Lib10.FileName);
        var metadata = await client.GetMetadataAsync(file);
        var downloaded = await client.DownloadAsync(file);

        metadata.Version.ToString().ShouldBe("1.0");
        downloaded.Sha256.ShouldBe(Lib10.Sha256);
        server.Requests.ShouldAllBe(r => r.BasicCredentials == User + ":" + Secret);
        index.Url.UserInfo.ShouldBeEmpty();
        index.ToString().ShouldNotContain(Secret);
        page.Files.ShouldAllBe(f => f.Url.UserInfo.Length == 0 && !f.ToString().Contains(Secret));
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => !e.ToString().Contains(Secret) && !e.ToString().Contains(User));
        cache.AllFiles().ShouldAllBe(p => !p.Contains(Secret) && !p.Contains(User));
        foreach (var path in Directory.EnumerateFiles(cache.Path, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(path).ShouldNotContain(Secret);
        }
    }

    [Fact]
    public async Task Without_credentials_the_error_is_coded_and_redacted()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { RequiredCredentials = new BasicCredential(User, Secret) });
        using var client = new IndexClient(Options(cache));

        var missing = await Should.ThrowAsync<PackageIndexException>(() => client.GetProjectAsync(Simple(server), "demo-lib"));
        var wrong = await Should.ThrowAsync<PackageIndexException>(() =>
            client.GetProjectAsync(IndexSource.Simple(WithUserInfo(server.SimpleUri, User, "wrong-password")), "demo-lib"));

        missing.Code.ShouldBe(IndexErrorCode.Unauthorized);
        missing.StatusCode.ShouldBe(401);
        wrong.Code.ShouldBe(IndexErrorCode.Unauthorized);
        wrong.Message.ShouldNotContain("wrong-password");
        wrong.Url.ShouldNotBeNull().ShouldNotContain("wrong-password");
        wrong.ToString().ShouldNotContain("wrong-password");
    }

    [Fact]
    public async Task Credentials_come_from_uv_style_environment_variables_for_named_indexes()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { RequiredCredentials = new BasicCredential(User, Secret) });
        var environment = new Dictionary<string, string>
        {
            ["UV_INDEX_MY_PRIVATE_INDEX_USERNAME"] = User,
            ["UV_INDEX_MY_PRIVATE_INDEX_PASSWORD"] = Secret,
        };
        using var client = new IndexClient(Options(cache) with { Environment = environment });
        var index = Simple(server, "my-private.index");

        index.CredentialVariablePrefix.ShouldBe("UV_INDEX_MY_PRIVATE_INDEX_");
        (await client.GetProjectAsync(index, "demo-lib")).ShouldNotBeNull();
        server.Requests.Single().BasicCredentials.ShouldBe(User + ":" + Secret);
    }

    [Fact]
    public async Task Credentials_come_from_netrc_by_host()
    {
        using var cache = new TestFolder();
        using var home = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { RequiredCredentials = new BasicCredential(User, Secret) });
        var netrc = home.Combine(".netrc");
        File.WriteAllText(netrc, $"machine other.example.com login bob password nope\nmachine 127.0.0.1\n  login {User}\n  password \"{Secret}\"\n");
        using var client = new IndexClient(Options(cache) with
        {
            NetrcPath = null,
            Environment = new Dictionary<string, string> { ["HOME"] = home.Path },
        });

        (await client.GetProjectAsync(Simple(server), "demo-lib")).ShouldNotBeNull();
        server.Requests.Single().BasicCredentials.ShouldBe(User + ":" + Secret);
    }

    [Fact]
    public async Task The_netrc_variable_names_the_file()
    {
        using var cache = new TestFolder();
        using var home = new TestFolder();
        await using var server = StartDemoServer(new LocalIndexServerOptions { RequiredCredentials = new BasicCredential(User, Secret) });
        var netrc = home.Combine("custom-netrc");
        File.WriteAllText(netrc, $"default login {User} password {Secret}\n");
        using var client = new IndexClient(Options(cache) with
        {
            NetrcPath = null,
            Environment = new Dictionary<string, string> { ["NETRC"] = netrc, ["HOME"] = cache.Path },
        });

        (await client.GetProjectAsync(Simple(server), "demo-lib")).ShouldNotBeNull();
        server.Requests.Single().BasicCredentials.ShouldBe(User + ":" + Secret);
    }

    [Fact]
    public async Task Files_on_another_origin_get_no_credentials()
    {
        using var cache = new TestFolder();
        await using var files = LocalIndexServer.Start();
        files.Add(Lib10);
        await using var index = LocalIndexServer.Start(new LocalIndexServerOptions
        {
            RequiredCredentials = new BasicCredential(User, Secret),
            ExternalFileBase = files.FilesUri,
        });
        index.Add(Lib10);
        using var client = new IndexClient(Options(cache));
        var source = IndexSource.Simple(WithUserInfo(index.SimpleUri, User, Secret));

        var file = (await client.GetProjectAsync(source, "demo-lib"))!.Files.Single();
        var metadata = await client.GetMetadataAsync(file);
        var downloaded = await client.DownloadAsync(file);

        file.Url.Port.ShouldBe(files.Port);
        metadata.Name.ShouldBe("Demo.Lib");
        downloaded.Sha256.ShouldBe(Lib10.Sha256);
        index.Requests.ShouldAllBe(r => r.HasAuthorization);
        files.Requests.Select(r => r.Path).ShouldBe(["/files/" + Lib10.FileName + ".metadata", "/files/" + Lib10.FileName]);
        files.Requests.ShouldAllBe(r => !r.HasAuthorization);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_drops_the_credentials_and_a_same_origin_redirect_keeps_them()
    {
        using var cache = new TestFolder();
        await using var files = LocalIndexServer.Start();
        files.Add(Lib10);
        await using var index = LocalIndexServer.Start(new LocalIndexServerOptions
        {
            RequiredCredentials = new BasicCredential(User, Secret),
            RedirectFilesTo = files.FilesUri,
            FileUrls = FileUrlStyle.RedirectWithinServer,
            ServeCoreMetadata = false,
        });
        index.Add(Lib10);
        using var client = new IndexClient(Options(cache));
        var source = IndexSource.Simple(WithUserInfo(index.SimpleUri, User, Secret));

        var downloaded = await client.DownloadAsync((await client.GetProjectAsync(source, "demo-lib"))!.Files.Single());

        downloaded.Sha256.ShouldBe(Lib10.Sha256);
        // /redirect/x (302, same origin) → /files/x (302, other origin) → files server.
        index.RequestsTo("/redirect/").Single().BasicCredentials.ShouldBe(User + ":" + Secret);
        index.RequestsTo("/files/").Single().BasicCredentials.ShouldBe(User + ":" + Secret);
        files.Requests.Single().HasAuthorization.ShouldBeFalse();
    }

    [Fact]
    public async Task Connection_failures_and_retries_never_mention_the_credentials()
    {
        using var cache = new TestFolder();
        int closedPort;
        await using (var gone = LocalIndexServer.Start())
        {
            closedPort = gone.Port;
        }

        var events = new List<IndexEvent>();
        using var client = new IndexClient(Options(cache, events) with { MaxRetries = 1 });
        var index = IndexSource.Simple($"http://{User}:{Uri.EscapeDataString(Secret)}@127.0.0.1:{closedPort}/simple/");

        var error = await Should.ThrowAsync<PackageIndexException>(() => client.GetProjectAsync(index, "demo-lib"));

        error.Code.ShouldBe(IndexErrorCode.TransientFailure);
        error.Url.ShouldBe($"http://127.0.0.1:{closedPort}/simple/demo-lib/");
        error.ToString().ShouldNotContain(Secret);
        error.ToString().ShouldNotContain(User);
        events.ShouldHaveSingleItem().Kind.ShouldBe(IndexEventKind.Retrying);
        events.ShouldAllBe(e => !e.ToString().Contains(Secret));
    }

    [Fact]
    public async Task An_index_without_credentials_sends_none()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));

        await client.DownloadAsync((await client.GetProjectAsync(Simple(server), "demo-lib"))!.Files.First());

        server.Requests.ShouldAllBe(r => !r.HasAuthorization);
    }

    private static string WithUserInfo(Uri url, string user, string password) =>
        new UriBuilder(url) { UserName = user, Password = password }.Uri.AbsoluteUri;
}
