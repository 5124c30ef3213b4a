using System.Text.Json.Nodes;
using VenvStacks.Core.Publishing;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// Publishing again (docs/venvstacks-reference.md §4.2): unchanged layers are not archived again and keep their
/// metadata and build numbers; a changed layer alone gets a new archive and the next build number; versioned layers
/// restart at 1 with each lock version; tagged names carry platform and build; a filtered publish keeps the other
/// layers in the manifest.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IncrementalPublishTests : IAsyncLifetime
{
    private const string OtherWithExtra = """
        [[applications]]
        name = "other"
        runtime = "cpython-{minor}"
        launch_module = "other.py"
        requirements = ["extra"]
        """;

    private PublishStack? _stack;
    private string _build = string.Empty;
    private string _output = string.Empty;

    private PublishStack Stack => _stack!;

    public async Task InitializeAsync()
    {
        if (TestRuntimes.SkipReason is null)
        {
            _stack = await PublishStack.CreateAsync();
            _build = await _stack.BuildAsync("build");
            _output = _stack.Folder("out");
        }
    }

    public Task DisposeAsync()
    {
        _stack?.Dispose();
        return Task.CompletedTask;
    }

    [TestRuntimeFact]
    public async Task A_second_publish_with_nothing_changed_writes_nothing_and_keeps_every_build_number()
    {
        var first = await PublishAsync();
        var before = await FileIdentity.SnapshotAsync(first.OutputFiles);

        var second = await PublishAsync();

        second.Layers.ShouldAllBe(l => l.Action == LayerPublishAction.Reused);
        second.Layers.Select(l => l.ArchiveBuild).ShouldBe([1, 1, 1, 1]);
        second.WrittenFiles.ShouldBeEmpty();
        second.OutputFiles.ShouldBe(first.OutputFiles);
        second.ManifestJson.ShouldBe(first.ManifestJson);
        (await FileIdentity.SnapshotAsync(second.OutputFiles)).ShouldBe(before);
    }

    [TestRuntimeFact]
    public async Task Changing_one_application_archives_only_it_with_the_next_build_number()
    {
        var first = await PublishAsync();
        var before = await FileIdentity.SnapshotAsync(first.OutputFiles);
        await ChangeOtherAsync();

        var second = await PublishAsync();

        second.Layers.Select(l => (l.BuildName, l.Action, l.ArchiveBuild)).ShouldBe([
            ("cpython-3.11", LayerPublishAction.Reused, 1),
            ("framework-base", LayerPublishAction.Reused, 1),
            ("app-demo", LayerPublishAction.Reused, 1),
            ("app-other", LayerPublishAction.Archived, 2),
        ]);
        var other = second.Layer("app-other");
        second.WrittenFiles.ShouldBe([other.ArchivePath, other.MetadataPath, second.ManifestPath!], ignoreOrder: true);
        var kept = first.OutputFiles.Except(second.WrittenFiles).ToList();
        kept.Count.ShouldBe(6);
        (await FileIdentity.SnapshotAsync(kept)).ShouldBe(before.Where(b => kept.Contains(b.Path)));

        var metadata = JsonNode.Parse(File.ReadAllText(other.MetadataPath))!;
        metadata["archive_size"]!.GetValue<long>().ShouldBe(new FileInfo(other.ArchivePath).Length);
        metadata["archive_hashes"]!["sha256"]!.GetValue<string>().ShouldBe(PublishedArchives.Sha256(other.ArchivePath));
    }

    [TestRuntimeFact]
    public async Task Versioned_layers_restart_at_1_with_each_lock_version_and_unversioned_ones_keep_counting()
    {
        await PublishAsync();
        var forced = await PublishEngine.PublishAsync(Stack.Request(_build, _output) with { Force = true }, null, CancellationToken.None);
        forced.Layers.ShouldAllBe(l => l.Action == LayerPublishAction.Archived && l.ArchiveBuild == 2);

        // A new framework requirement: a new lock version (@2), so the application on it is relocked and rebuilt too.
        await Stack.ReplaceSpecAsync(PublishStack.DefaultSpec.Replace("versioned = true\nrequirements = [\"hello\"]", "versioned = true\nrequirements = [\"hello\", \"extra\"]", StringComparison.Ordinal));
        await Stack.BuildLayerAsync(_build, Stack.Spec.GetLayer("framework-base"));
        await Stack.BuildLayerAsync(_build, Stack.Spec.GetLayer("app-demo"));
        var third = await PublishAsync();

        third.Layers.Select(l => (l.BuildName, l.Action, l.ArchiveBuild, Path.GetFileName(l.ArchivePath))).ShouldBe([
            ("cpython-3.11", LayerPublishAction.Reused, 2, "cpython-3.11.tar.zst"),
            ("framework-base", LayerPublishAction.Archived, 1, "framework-base@2.tar.zst"),
            ("app-demo", LayerPublishAction.Archived, 3, "app-demo.tar.zst"),
            ("app-other", LayerPublishAction.Reused, 2, "app-other.tar.zst"),
        ]);
        JsonNode.Parse(third.Layer("app-demo").MetadataJson)!["required_layers"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["framework-base@2"]);
    }

    [TestRuntimeFact]
    public async Task Tagged_outputs_carry_the_platform_and_build_number()
    {
        var request = Stack.Request(_build, _output) with { TagOutputs = true };
        var first = await PublishEngine.PublishAsync(request, null, CancellationToken.None);
        await ChangeOtherAsync();
        var second = await PublishEngine.PublishAsync(request with { Spec = Stack.Spec }, null, CancellationToken.None);

        var platform = Stack.Platform.Name;
        first.ManifestPath.ShouldBe(Path.Combine(_output, "__venvstacks__", $"venvstacks-{platform}.json"));
        first.Layers.Select(l => Path.GetFileName(l.ArchivePath)).ShouldBe([
            $"cpython-3.11-{platform}-1.tar.zst", $"framework-base@1-{platform}-1.tar.zst", $"app-demo-{platform}-1.tar.zst", $"app-other-{platform}-1.tar.zst"]);
        first.Layers.Select(l => Path.GetRelativePath(_output, l.MetadataPath)).ShouldBe([
            Path.Combine("__venvstacks__", "env_metadata", $"cpython-3.11-{platform}.json"),
            Path.Combine("__venvstacks__", "env_metadata", $"framework-base-{platform}.json"),
            Path.Combine("__venvstacks__", "env_metadata", $"app-demo-{platform}.json"),
            Path.Combine("__venvstacks__", "env_metadata", $"app-other-{platform}.json")]);
        Path.GetFileName(second.Layer("app-other").ArchivePath).ShouldBe($"app-other-{platform}-2.tar.zst");
        File.Exists(first.Layer("app-other").ArchivePath).ShouldBeTrue("earlier tagged archives stay");
        File.Exists(Path.Combine(_output, "__venvstacks__", "venvstacks.json")).ShouldBeFalse();
    }

    [TestRuntimeFact]
    public async Task A_filtered_publish_keeps_the_other_layers_entries_in_the_manifest()
    {
        var first = await PublishAsync();
        await ChangeOtherAsync();

        var filtered = await PublishEngine.PublishAsync(Stack.Request(_build, _output) with { Include = ["app-o*"] }, null, CancellationToken.None);

        filtered.Succeeded.ShouldBeTrue(string.Join("\n", filtered.Diagnostics));
        filtered.Layers.Select(l => (l.BuildName, l.Action, l.ArchiveBuild)).ShouldBe([
            ("cpython-3.11", LayerPublishAction.Kept, 1),
            ("framework-base", LayerPublishAction.Kept, 1),
            ("app-demo", LayerPublishAction.Kept, 1),
            ("app-other", LayerPublishAction.Archived, 2),
        ]);
        var before = ManifestEntries(first.ManifestJson!);
        var after = ManifestEntries(filtered.ManifestJson!);
        after.Keys.ShouldBe(before.Keys);
        foreach (var name in new[] { "cpython-3.11", "framework-base", "app-demo" })
        {
            after[name].ShouldBe(before[name]);
        }

        after["app-other"].ShouldBe(File.ReadAllText(filtered.Layer("app-other").MetadataPath).TrimEnd('\n'));
        filtered.OutputFiles.ShouldBe(first.OutputFiles, ignoreOrder: true);
    }

    [TestRuntimeFact]
    public async Task A_filtered_publish_drops_a_kept_entry_whose_archive_is_gone()
    {
        var first = await PublishAsync();
        File.Delete(first.Layer("app-demo").ArchivePath);

        var filtered = await PublishEngine.PublishAsync(Stack.Request(_build, _output) with { Include = ["app-other"] }, null, CancellationToken.None);

        filtered.Succeeded.ShouldBeTrue();
        filtered.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4046"]);
        filtered.Layers.Select(l => l.BuildName).ShouldBe(["cpython-3.11", "framework-base", "app-other"]);
        ManifestEntries(filtered.ManifestJson!).Keys.ShouldNotContain("app-demo");
    }

    [TestRuntimeFact]
    public async Task A_dry_run_writes_nothing_and_reports_the_build_metadata_it_would_publish()
    {
        var fresh = await PublishEngine.PublishAsync(Stack.Request(_build, _output) with { DryRun = true }, null, CancellationToken.None);

        Directory.EnumerateFileSystemEntries(_output).ShouldBeEmpty();
        fresh.ManifestPath.ShouldBeNull();
        fresh.WrittenFiles.ShouldBeEmpty();
        fresh.Layers.ShouldAllBe(l => l.Action == LayerPublishAction.Planned && l.ArchiveBuild == 1);
        var planned = ManifestEntries(fresh.ManifestJson!);
        planned.Values.ShouldAllBe(json => !json.Contains("archive_size", StringComparison.Ordinal) && !json.Contains("archive_hashes", StringComparison.Ordinal));

        var published = await PublishAsync();
        await ChangeOtherAsync();
        var before = await FileIdentity.SnapshotAsync(Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories));
        var next = await PublishEngine.PublishAsync(Stack.Request(_build, _output) with { DryRun = true, Force = true }, null, CancellationToken.None);

        next.WrittenFiles.ShouldBeEmpty();
        (await FileIdentity.SnapshotAsync(Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories))).ShouldBe(before);
        next.Layers.Select(l => l.ArchiveBuild).ShouldBe([1, 1, 1, 2], "a dry run ignores force, as venvstacks does");
        var unchanged = JsonNode.Parse(published.Layer("app-demo").MetadataJson)!.AsObject();
        unchanged.Remove("archive_size");
        unchanged.Remove("archive_hashes");
        next.Layer("app-demo").MetadataJson.ShouldBe(VenvStacks.Core.Json.PythonJson.SerializeFile(unchanged));
    }

    private async Task<PublishResult> PublishAsync()
    {
        var result = await PublishEngine.PublishAsync(Stack.Request(_build, _output), null, CancellationToken.None);
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        return result;
    }

    // A new requirement for app-other: relocked and rebuilt, nothing else changes.
    private async Task ChangeOtherAsync()
    {
        var spec = PublishStack.DefaultSpec[..PublishStack.DefaultSpec.LastIndexOf("[[applications]]", StringComparison.Ordinal)] + OtherWithExtra;
        await Stack.ReplaceSpecAsync(spec);
        await Stack.BuildLayerAsync(_build, Stack.Spec.GetLayer("app-other"));
    }

    private static Dictionary<string, string> ManifestEntries(string manifestJson) =>
        JsonNode.Parse(manifestJson)!["layers"]!.AsObject()
            .SelectMany(c => c.Value!.AsArray())
            .ToDictionary(e => e!["layer_name"]!.GetValue<string>(), e => VenvStacks.Core.Json.PythonJson.Serialize(e));

}
