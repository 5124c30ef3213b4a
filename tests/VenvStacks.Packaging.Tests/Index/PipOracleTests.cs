using VenvStacks.Packaging.Index;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.Index;

/// <summary>
/// pip 23.2 pointed at the local index server: it must accept the server's pages (yanks, requires-python, PEP 658
/// metadata, hashes) and reach the same conclusions as the index client reading the same server.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PipOracleTests
{
    private static readonly BuiltWheel Lib20 = new WheelBuilder("demo-lib", "2.0").WithRequiresPython(">=3.99").Build();
    private static readonly BuiltWheel Lib12 = new WheelBuilder("demo-lib", "1.2").Build();

    [PipFact]
    public async Task Pip_resolves_from_the_html_only_index()
    {
        await using var server = StartOracleServer(IndexApiMode.HtmlOnly);

        var resolved = await PipFactAttribute.Pip!.ResolveAsync(server.SimpleUri, "--only-binary", ":all:", "demo-app");

        resolved.Select(r => (r.Name, r.Version)).ShouldBe([("demo-app", "1.0"), ("Demo.Lib", "1.1")], ignoreOrder: true);
        resolved.Single(r => r.Name == "Demo.Lib").Sha256.ShouldBe(Lib11.Sha256);
        resolved.Single(r => r.Name == "Demo.Lib").Url.ShouldBe(server.FileUri(Lib11.FileName));
        server.RequestsTo("/simple/").Where(r => r.Status == 200).Select(r => r.Path).ShouldBe(["/simple/demo-app/", "/simple/demo-lib/"], ignoreOrder: true);
        server.RequestsTo("/files/").Select(r => r.Path).ShouldContain("/files/" + Lib11.FileName + ".metadata");
    }

    [PipFact]
    public async Task Pip_resolves_the_same_from_the_json_index()
    {
        await using var server = StartOracleServer(IndexApiMode.JsonAndHtml);

        var resolved = await PipFactAttribute.Pip!.ResolveAsync(server.SimpleUri, "--only-binary", ":all:", "demo-app");

        resolved.Select(r => (r.Name, r.Version, r.Sha256)).ShouldBe([("demo-app", "1.0", App10.Sha256), ("Demo.Lib", "1.1", Lib11.Sha256)], ignoreOrder: true);
    }

    [PipFact]
    public async Task The_index_client_sees_what_pip_sees()
    {
        using var cache = new TestFolder();
        await using var server = StartOracleServer(IndexApiMode.HtmlOnly);
        var pip = await PipFactAttribute.Pip!.ResolveAsync(server.SimpleUri, "--only-binary", ":all:", "demo-lib");
        using var client = new IndexClient(Options(cache));

        var page = (await client.GetProjectAsync(Simple(server), "demo-lib"))!;
        var best = page.Files
            .Where(f => f.Kind == DistributionKind.Wheel && !f.IsYanked && (f.RequiresPythonSpecifiers?.Contains("3.11") ?? true))
            .MaxBy(f => f.Version)!;

        pip.Single().Version.ShouldBe(best.Version.ToString());
        pip.Single().Sha256.ShouldBe(best.Sha256);
        pip.Single().Url.ShouldBe(best.Url);
    }

    [PipFact]
    public async Task Pip_downloads_through_basic_auth_and_verifies_the_hashes()
    {
        using var target = new TestFolder();
        await using var server = StartOracleServer(IndexApiMode.HtmlOnly, new BasicCredential("user", "pw"));
        var index = new UriBuilder(server.SimpleUri) { UserName = "user", Password = "pw" }.Uri;

        var result = await PipFactAttribute.Pip!.RunAsync(["download", "--no-deps", "--only-binary", ":all:", "--index-url", index.AbsoluteUri, "-d", target.Path, "demo-lib==1.0"]);

        result.ExitCode.ShouldBe(0, result.StandardError);
        File.ReadAllBytes(target.Combine(Lib10.FileName)).ShouldBe(Lib10.Content);
        server.Requests.ShouldAllBe(r => r.BasicCredentials == "user:pw");
    }

    private static LocalIndexServer StartOracleServer(IndexApiMode api, BasicCredential? credentials = null)
    {
        var server = LocalIndexServer.Start(new LocalIndexServerOptions { Api = api, RequiredCredentials = credentials });
        server.Add(App10, Day1);
        server.Add(Lib10, Day1);
        server.Add(Lib11, Day2);
        server.Add(Lib12, Day3, yankedReason: "broken");
        server.Add(Lib20, Day3);
        server.Add(new ServedFile("demo_lib-3.0.tar.gz", "not a tarball"u8.ToArray()));
        return server;
    }
}
