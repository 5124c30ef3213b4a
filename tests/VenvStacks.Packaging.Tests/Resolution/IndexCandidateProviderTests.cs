using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>The index client seen through the resolver's provider interface, against the local test index.</summary>
[Trait("Category", "Integration")]
public sealed class IndexCandidateProviderTests : IAsyncLifetime
{
    private readonly TestFolder _cache = new();
    private LocalIndexServer _server = null!;
    private IndexClient _client = null!;
    private IndexCandidateProvider _provider = null!;

    public Task InitializeAsync()
    {
        _server = LocalIndexServer.Start(new LocalIndexServerOptions { Api = IndexApiMode.JsonAndHtml });
        _server.Add(new WheelBuilder("Demo.Lib", "1.0").WithTag("cp311-cp311-manylinux_2_17_x86_64").WithRequiresDist("dep>=2 ; sys_platform == 'linux'").Build());
        _server.Add(new WheelBuilder("Demo.Lib", "1.0").WithTag("py3-none-any").Build());
        _server.Add(new WheelBuilder("Demo.Lib", "2.0").WithRequiresPython(">=3.12").Build(), yankedReason: "broken build");
        _client = new IndexClient(IndexTestBed.Options(_cache));
        _provider = new IndexCandidateProvider(new PackageFinder(_client, new IndexConfiguration([IndexTestBed.Default(_server)])));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _cache.Dispose();
    }

    [Fact]
    public async Task Lists_versions_with_wheel_tags_yanks_and_requires_python_from_the_index()
    {
        var versions = (await _provider.ListVersionsAsync(NormalizedName.From("demo-lib"), CancellationToken.None))!;

        versions.Select(version => version.Version.ToString()).ShouldBe(["1.0", "2.0"], ignoreOrder: true);
        var one = versions.Single(version => version.Version.ToString() == "1.0");
        one.Files.Select(file => file.WheelTags!.ToString()).ShouldBe(["cp311-cp311-manylinux_2_17_x86_64", "py3-none-any"], ignoreOrder: true);
        one.Files.ShouldAllBe(file => file.Url != null && file.Hashes.ContainsKey("sha256"));
        var two = versions.Single(version => version.Version.ToString() == "2.0").Files.ShouldHaveSingleItem();
        two.IsYanked.ShouldBeTrue();
        two.YankedReason.ShouldBe("broken build");
        two.RequiresPython!.ToString().ShouldBe(">=3.12");
    }

    [Fact]
    public async Task A_project_the_index_does_not_have_is_missing()
    {
        (await _provider.ListVersionsAsync(NormalizedName.From("nothing-here"), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Reads_the_metadata_of_the_wheel_the_resolver_chose()
    {
        var name = NormalizedName.From("demo-lib");
        var one = (await _provider.ListVersionsAsync(name, CancellationToken.None))!.Single(version => version.Version.ToString() == "1.0");
        var linuxWheel = one.Files.Single(file => file.WheelTags!.ToString().Contains("manylinux", StringComparison.Ordinal));

        var metadata = await _provider.GetMetadataAsync(name, one.Version, linuxWheel, CancellationToken.None);

        metadata.RequiresDist.ShouldHaveSingleItem().ToString().ShouldBe("dep>=2; sys_platform == \"linux\"");
    }

    [Fact]
    public async Task A_file_it_did_not_list_is_refused()
    {
        var stranger = new DistributionFile("other-1.0-py3-none-any.whl") { Url = "http://127.0.0.1:1/other.whl" };

        await Should.ThrowAsync<ArgumentException>(() =>
            _provider.GetMetadataAsync(NormalizedName.From("other"), Packaging.Pep440.Version.Parse("1.0"), stranger, CancellationToken.None));
    }
}
