using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.IndexSelection;

public sealed class PackageFinderTests
{
    [Fact]
    public async Task A_package_comes_from_the_first_index_that_has_it_and_later_ones_are_not_asked()
    {
        using var cache = new TestFolder();
        await using var first = LocalIndexServer.Start();
        await using var second = LocalIndexServer.Start();
        first.Add(new WheelBuilder("both", "1.0").Build());
        second.Add(new WheelBuilder("both", "2.0").Build());
        second.Add(new WheelBuilder("only-second", "1.0").Build());
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([Simple(first, "first"), Default(second, "second")]));

        var both = await finder.FindAsync("both");
        var onlySecond = await finder.FindAsync("only_second");

        both.Files.Select(f => f.Version.ToString()).ShouldBe(["1.0"]);
        both.Index!.Name.ShouldBe("first");
        second.RequestsTo("/simple/both/").ShouldBeEmpty();
        onlySecond.Index!.Name.ShouldBe("second");
        first.RequestsTo("/simple/only-second/").Single().Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_flat_index_in_the_search_order_wins_when_it_has_the_package()
    {
        using var cache = new TestFolder();
        using var wheels = new TestFolder();
        await using var server = StartDemoServer();
        var local = new WheelBuilder("demo-lib", "0.1").Build();
        local.WriteTo(wheels.Path);
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([IndexSource.Flat(wheels.Path, "vendored"), Default(server)]));

        var lib = await finder.FindAsync("demo-lib");
        var app = await finder.FindAsync("demo-app");

        lib.Index!.Name.ShouldBe("vendored");
        lib.Files.Single().FileName.ShouldBe(local.FileName);
        server.RequestsTo("/simple/demo-lib/").ShouldBeEmpty();
        app.Index.ShouldBe(Default(server));
    }

    [Fact]
    public async Task A_routed_package_is_looked_up_only_on_its_index_even_an_explicit_one()
    {
        using var cache = new TestFolder();
        await using var general = LocalIndexServer.Start();
        await using var special = LocalIndexServer.Start();
        general.Add(new WheelBuilder("torch", "2.0").Build());
        general.Add(new WheelBuilder("numpy", "2.0").Build());
        special.Add(new WheelBuilder("torch", "2.0+cpu").Build());
        special.Add(new WheelBuilder("numpy", "1.0").Build());
        using var client = new IndexClient(Options(cache));
        var configuration = new IndexConfiguration(
            [Default(general, "general"), IndexSource.Simple(special.SimpleUri.AbsoluteUri, "pytorch-cpu", isExplicit: true)],
            new Dictionary<string, string> { ["Torch"] = "pytorch-cpu" });
        var finder = new PackageFinder(client, configuration);

        var torch = await finder.FindAsync("torch");
        var numpy = await finder.FindAsync("numpy");

        torch.Routed.ShouldBeTrue();
        torch.Files.Single().Version.ToString().ShouldBe("2.0+cpu");
        general.RequestsTo("/simple/torch/").ShouldBeEmpty();
        numpy.Routed.ShouldBeFalse();
        numpy.Files.Single().Version.ToString().ShouldBe("2.0");
        special.RequestsTo("/simple/numpy/").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_routed_package_missing_from_its_index_is_not_looked_up_elsewhere()
    {
        using var cache = new TestFolder();
        await using var general = LocalIndexServer.Start();
        await using var special = LocalIndexServer.Start();
        general.Add(new WheelBuilder("torch", "2.0").Build());
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration(
            [Default(general, "general"), Simple(special, "special")],
            new Dictionary<string, string> { ["torch"] = "special" }));

        var torch = await finder.FindAsync("torch");

        torch.Files.ShouldBeEmpty();
        torch.Index.ShouldBeNull();
        general.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Find_links_folders_are_always_searched_and_merged()
    {
        using var cache = new TestFolder();
        using var wheels = new TestFolder();
        await using var server = StartDemoServer();
        var local = new WheelBuilder("demo-lib", "3.0").Build();
        local.WriteTo(wheels.Path);
        new WheelBuilder("local-only", "1.0").Build().WriteTo(wheels.Path);
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([Default(server)], findLinks: [IndexSource.Flat(wheels.Path)]));

        var lib = await finder.FindAsync("demo-lib");
        var localOnly = await finder.FindAsync("local-only");

        lib.Files.Select(f => f.FileName).ShouldContain(local.FileName);
        lib.Files.Select(f => f.FileName).ShouldContain(Lib10.FileName);
        lib.Index.ShouldBe(Default(server));
        localOnly.Files.Single().LocalPath.ShouldNotBeNull();
        localOnly.Index.ShouldBeNull();
    }

    [Fact]
    public async Task No_index_leaves_only_the_find_links()
    {
        using var cache = new TestFolder();
        using var wheels = new TestFolder();
        await using var server = StartDemoServer();
        Lib10.WriteTo(wheels.Path);
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([Default(server, "idx")], new Dictionary<string, string> { ["demo-lib"] = "idx" }, [IndexSource.Flat(wheels.Path)], noIndex: true));

        var lib = await finder.FindAsync("demo-lib");

        lib.Files.Single().FileName.ShouldBe(Lib10.FileName);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Exclude_newer_drops_files_uploaded_at_or_after_the_cutoff()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([Default(server)]) { ExcludeNewer = Day2 });

        var lib = await finder.FindAsync("demo-lib");

        lib.Files.Select(f => f.FileName).ShouldBe([Lib10.FileName]);
        lib.ExcludedByUploadTime.Select(f => f.Version.ToString()).ShouldBe(["1.1", "1.1", "1.1", "1.2"], ignoreOrder: true);
    }

    [Fact]
    public async Task Files_without_upload_times_are_kept_when_the_page_has_none_unless_uv_strictness_is_asked_for()
    {
        using var cache = new TestFolder();
        await using var html = StartDemoServer(new LocalIndexServerOptions { Api = IndexApiMode.HtmlOnly });
        using var client = new IndexClient(Options(cache));
        var lenient = new IndexConfiguration([Default(html)]) { ExcludeNewer = Day2 };
        var strict = lenient with { MissingUploadTime = MissingUploadTimePolicy.Exclude };

        var kept = await new PackageFinder(client, lenient).FindAsync("demo-lib");
        var dropped = await new PackageFinder(client, strict).FindAsync("demo-lib");

        kept.Files.Length.ShouldBe(5);
        kept.ExcludedByUploadTime.ShouldBeEmpty();
        dropped.Files.ShouldBeEmpty();
        dropped.ExcludedByUploadTime.Length.ShouldBe(5);
    }

    [Fact]
    public async Task Files_without_upload_times_are_dropped_when_others_on_the_page_have_them()
    {
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start();
        server.Add(Lib10, Day1);
        server.Add(Lib11);
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([Default(server)]) { ExcludeNewer = Day3 });

        var lib = await finder.FindAsync("demo-lib");

        lib.Files.Select(f => f.FileName).ShouldBe([Lib10.FileName]);
        lib.ExcludedByUploadTime.Single().FileName.ShouldBe(Lib11.FileName);
    }

    [Fact]
    public async Task Exclude_newer_does_not_apply_to_find_links()
    {
        using var cache = new TestFolder();
        using var wheels = new TestFolder();
        Lib10.WriteTo(wheels.Path);
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([], findLinks: [IndexSource.Flat(wheels.Path)], noIndex: true)
        {
            ExcludeNewer = DateTimeOffset.UnixEpoch,
            MissingUploadTime = MissingUploadTimePolicy.Exclude,
        });

        (await finder.FindAsync("demo-lib")).Files.Single().FileName.ShouldBe(Lib10.FileName);
    }

    [Fact]
    public async Task A_project_is_looked_up_once_per_finder()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([Default(server)]));

        var results = await Task.WhenAll(finder.FindAsync("demo-lib"), finder.FindAsync("Demo.Lib"), finder.FindAsync("demo_lib"));

        results.Distinct().Count().ShouldBe(1);
        server.RequestsTo("/simple/").Count.ShouldBe(1);
    }
}
