using VenvStacks.Core.Archives;
using VenvStacks.Core.Publishing;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// Publishing refuses, with coded errors naming the file at fault and before anything is written, layers that are
/// not built, built from another lock, or not validly locked, include patterns that match nothing, and settings it
/// cannot carry out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PublishErrorTests : IAsyncLifetime
{
    private PublishStack? _stack;

    private PublishStack Stack => _stack!;

    public async Task InitializeAsync()
    {
        if (TestRuntimes.SkipReason is null)
        {
            _stack = await PublishStack.CreateAsync();
        }
    }

    public Task DisposeAsync()
    {
        _stack?.Dispose();
        return Task.CompletedTask;
    }

    [TestRuntimeFact]
    public async Task Layers_that_are_not_built_are_refused_and_nothing_is_written()
    {
        var build = Stack.Folder("build");
        var output = Stack.Folder("out");

        var result = await PublishEngine.PublishAsync(Stack.Request(build, output), null, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4040", "VSTK4040", "VSTK4040", "VSTK4040"]);
        result.Diagnostics[1].Message.ShouldContain("Must create environment before attempting to archive it");
        result.Diagnostics[1].Location!.File.ShouldBe(Path.Combine(build, "framework-base"));
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_layer_built_from_an_older_lock_is_refused()
    {
        var build = await Stack.BuildAsync("build");
        var output = Stack.Folder("out");
        var spec = PublishStack.DefaultSpec.Replace("launch_module = \"other.py\"\nrequirements = []", "launch_module = \"other.py\"\nrequirements = [\"extra\"]", StringComparison.Ordinal);
        await Stack.ReplaceSpecAsync(spec);

        var result = await PublishEngine.PublishAsync(Stack.Request(build, output), null, CancellationToken.None);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4041"]);
        result.Diagnostics[0].Location!.File.ShouldBe(Path.Combine(build, "app-other.last-build.json"));
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_layer_without_a_valid_lock_is_refused()
    {
        var build = await Stack.BuildAsync("build");
        Stack.LoadSpec(PublishStack.DefaultSpec.Replace(
            "requirements = [\"hello\"]\n\n[[applications]]\nname = \"other\"",
            "requirements = [\"hello\", \"extra\"]\n\n[[applications]]\nname = \"other\"",
            StringComparison.Ordinal));

        var result = await PublishEngine.PublishAsync(Stack.Request(build, Stack.Folder("out")), null, CancellationToken.None);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4042"]);
        result.Diagnostics[0].Message.ShouldStartWith("Layer app-demo: cannot publish without a valid lock");
        result.Diagnostics[0].Location!.File.ShouldEndWith("pylock.app-demo.toml");
    }

    [TestRuntimeFact]
    public async Task An_include_pattern_that_matches_no_layer_is_an_error()
    {
        var build = await Stack.BuildAsync("build");

        var result = await PublishEngine.PublishAsync(Stack.Request(build, Stack.Folder("out")) with { Include = ["app-*", "framework-nope*"] }, null, CancellationToken.None);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4043"]);
        result.Diagnostics[0].Message.ShouldStartWith("No matching layers found for: {'framework-nope*'}");
        result.Diagnostics[0].Location!.File.ShouldBe(Stack.Spec.SpecPath);
    }

    [TestRuntimeFact]
    public async Task Settings_that_cannot_be_carried_out_are_reported_together_before_anything_is_done()
    {
        var request = Stack.Request(Stack.Folder("build"), Stack.Folder("out"), ArchiveFormat.Zip) with
        {
            Compression = new ArchiveCompression(Level: 12),
            SourceDateEpoch = new DateTimeOffset(1975, 1, 1, 0, 0, 0, TimeSpan.Zero),
            PostInstallScript = ReadOnlyMemory<byte>.Empty,
        };

        var result = await PublishEngine.PublishAsync(request, null, CancellationToken.None);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4048", "VSTK4048", "VSTK4048"]);
        result.Diagnostics.Select(d => d.Message).ShouldBe([
            "Compression level 12 is outside 0–9 for .zip archives",
            "SOURCE_DATE_EPOCH 157766400 (1975-01-01 00:00:00Z) cannot be stored in a zip archive, which holds times from 1980 to 2107",
            "The post-install script to put into every archive (postinstall.py) is empty"]);
    }

    [TestRuntimeFact]
    public async Task An_output_folder_inside_a_layer_is_refused()
    {
        var build = Stack.Folder("build");
        var output = Path.Combine(build, "app-demo", "out");

        var result = await PublishEngine.PublishAsync(Stack.Request(build, output), null, CancellationToken.None);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4048"]);
        result.Diagnostics[0].Message.ShouldContain("inside the build folder of layer app-demo");
        Directory.Exists(output).ShouldBeFalse();
    }

    [TestRuntimeFact]
    public async Task A_canceled_publish_leaves_only_complete_layers_and_no_manifest()
    {
        var build = await Stack.BuildAsync("build");
        var output = Stack.Folder("out");
        using var cancel = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            PublishEngine.PublishAsync(Stack.Request(build, output), new CancelOnLayer("cpython-3.11", cancel), cancel.Token));

        // The runtime's archive is canceled while written, or, if it completed first, published with its metadata.
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(output, p)).ToList();
        files.ShouldNotContain(f => Path.GetFileName(f).StartsWith('.'));
        files.ShouldNotContain(Path.Combine("__venvstacks__", "venvstacks.json"));
        files.Where(f => f.EndsWith(".tar.zst", StringComparison.Ordinal)).ShouldBeSubsetOf(["cpython-3.11.tar.zst"]);
        files.Count(f => f.EndsWith(".json", StringComparison.Ordinal)).ShouldBe(files.Count(f => f.EndsWith(".tar.zst", StringComparison.Ordinal)));
    }

    [TestRuntimeFact]
    public async Task A_damaged_previous_metadata_file_is_ignored_with_a_warning_and_the_layer_archived_again()
    {
        var build = await Stack.BuildAsync("build");
        var output = Stack.Folder("out");
        var first = await PublishEngine.PublishAsync(Stack.Request(build, output), null, CancellationToken.None);
        File.WriteAllText(first.Layer("app-demo").MetadataPath, "{ not json");

        var second = await PublishEngine.PublishAsync(Stack.Request(build, output), null, CancellationToken.None);

        second.Succeeded.ShouldBeTrue();
        second.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4044"]);
        second.Layer("app-demo").Action.ShouldBe(LayerPublishAction.Archived);
        second.Layer("app-demo").ArchiveBuild.ShouldBe(1);
        second.Layers.Where(l => l.BuildName != "app-demo").ShouldAllBe(l => l.Action == LayerPublishAction.Reused);
    }

    private sealed class CancelOnLayer(string buildName, CancellationTokenSource cancel) : IProgress<LayerArchiveProgress>
    {
        public void Report(LayerArchiveProgress value)
        {
            if (value.BuildName == buildName)
            {
                cancel.Cancel();
            }
        }
    }
}
