using VenvStacks.Packaging.Index;
using VenvStacks.TestSupport.Wheels;
using static VenvStacks.Packaging.Tests.Index.IndexTestBed;

namespace VenvStacks.Packaging.Tests.Index;

public sealed class FindLinksTests
{
    [Fact]
    public async Task A_local_folder_lists_the_projects_wheels_and_sdists_only()
    {
        using var cache = new TestFolder();
        using var wheels = new TestFolder();
        Lib10.WriteTo(wheels.Path);
        Lib11Linux.WriteTo(wheels.Path);
        App10.WriteTo(wheels.Path);
        File.WriteAllText(wheels.Combine("demo_lib-0.9.tar.gz"), "sdist");
        File.WriteAllText(wheels.Combine("README.txt"), "not a distribution");
        Directory.CreateDirectory(wheels.Combine("nested"));
        new WheelBuilder("demo-lib", "9.9").Build().WriteTo(wheels.Combine("nested"));
        using var client = new IndexClient(Options(cache));

        var page = (await client.GetProjectAsync(IndexSource.Flat(wheels.Path), "Demo_Lib"))!;

        page.Format.ShouldBe(PageFormat.Directory);
        page.Files.Select(f => f.FileName).ShouldBe(["demo_lib-0.9.tar.gz", Lib10.FileName, Lib11Linux.FileName]);
        page.Files[0].Kind.ShouldBe(DistributionKind.SourceDistribution);
        page.Files.ShouldAllBe(f => f.LocalPath != null && f.Url.IsFile && f.Hashes.IsEmpty);
        (await client.GetProjectAsync(IndexSource.Flat(wheels.Path), "absent")).ShouldBeNull();
    }

    [Fact]
    public async Task Local_files_are_used_in_place_and_read_without_copying()
    {
        using var cache = new TestFolder();
        using var wheels = new TestFolder();
        var path = Lib11.WriteTo(wheels.Path);
        using var client = new IndexClient(Options(cache));
        var file = (await client.GetProjectAsync(IndexSource.Flat(wheels.Path), "demo-lib"))!.Files.Single();

        var downloaded = await client.DownloadAsync(file);
        var metadata = await client.GetMetadataAsync(file);

        downloaded.Path.ShouldBe(path);
        downloaded.Sha256.ShouldBe(Lib11.Sha256);
        metadata.ProvidesExtra.ShouldBe(["speed"]);
        cache.AllFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_folder_is_a_coded_error()
    {
        using var cache = new TestFolder();
        using var client = new IndexClient(Options(cache));

        var error = await Should.ThrowAsync<PackageIndexException>(() =>
            client.GetProjectAsync(IndexSource.Flat(cache.Combine("does-not-exist")), "demo-lib"));

        error.Code.ShouldBe(IndexErrorCode.FindLinksUnavailable);
    }

    [Fact]
    public async Task A_flat_html_page_lists_files_of_every_project_and_is_fetched_once()
    {
        using var cache = new TestFolder();
        await using var server = StartDemoServer();
        using var client = new IndexClient(Options(cache));
        var flat = IndexSource.Flat(server.FlatPageUri.AbsoluteUri, "flat");

        var lib = (await client.GetProjectAsync(flat, "demo-lib"))!;
        var app = (await client.GetProjectAsync(flat, "demo-app"))!;

        lib.Format.ShouldBe(PageFormat.FlatHtml);
        lib.Files.Length.ShouldBe(5);
        lib.Files.Single(f => f.FileName == Lib10.FileName).Sha256.ShouldBe(Lib10.Sha256);
        app.Files.Single().Url.ShouldBe(server.FileUri(App10.FileName));
        server.RequestsTo("/flat/").Count.ShouldBe(1);
        (await client.DownloadAsync(app.Files.Single())).Sha256.ShouldBe(App10.Sha256);
    }

    [Fact]
    public async Task A_simple_repository_laid_out_on_disk_is_read_like_a_remote_one()
    {
        using var cache = new TestFolder();
        using var repository = new TestFolder();
        Directory.CreateDirectory(repository.Combine("demo-lib"));
        Lib10.WriteTo(repository.Combine("files"));
        File.WriteAllText(
            repository.Combine("demo-lib", "index.html"),
            $"<html><body><a href=\"../files/{Lib10.FileName}#sha256={Lib10.Sha256}\" data-requires-python=\"&gt;=3.8\">{Lib10.FileName}</a></body></html>");
        using var client = new IndexClient(Options(cache));
        var index = IndexSource.Simple(repository.Path);

        var file = (await client.GetProjectAsync(index, "demo-lib"))!.Files.Single();

        file.RequiresPython.ShouldBe(">=3.8");
        file.LocalPath.ShouldBe(repository.Combine("files", Lib10.FileName));
        (await client.DownloadAsync(file)).Sha256.ShouldBe(Lib10.Sha256);
        (await client.GetProjectAsync(index, "absent")).ShouldBeNull();
    }

    [Fact]
    public async Task A_local_file_that_contradicts_its_advertised_hash_is_rejected()
    {
        using var cache = new TestFolder();
        using var repository = new TestFolder();
        Directory.CreateDirectory(repository.Combine("demo-lib"));
        Lib10.WriteTo(repository.Combine("files"));
        File.WriteAllText(
            repository.Combine("demo-lib", "index.html"),
            $"<a href=\"../files/{Lib10.FileName}#sha256={new string('c', 64)}\">x</a>");
        using var client = new IndexClient(Options(cache));

        var file = (await client.GetProjectAsync(IndexSource.Simple(repository.Path), "demo-lib"))!.Files.Single();

        (await Should.ThrowAsync<PackageIndexException>(() => client.DownloadAsync(file))).Code.ShouldBe(IndexErrorCode.HashMismatch);
    }
}
