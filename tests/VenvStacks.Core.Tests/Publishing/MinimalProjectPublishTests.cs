using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Json;
using VenvStacks.Core.Publishing;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// venvstacks' minimal project (testassets/conformance/venvstacks/minimal_project), locked, built and published: the
/// manifest, dry run and tagged names are those upstream's tests expect (expected_manifest_filtered.json), and every
/// layer's metadata has the fields and JSON types of docs/venvstacks-reference.md §4.5 and of the sample project's
/// committed lock metadata.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class MinimalProjectPublishTests : IAsyncLifetime
{
    private PublishStack? _stack;
    private string _build = string.Empty;
    private JsonObject _expected = null!;

    private PublishStack Stack => _stack!;

    public async Task InitializeAsync()
    {
        _expected = JsonNode.Parse(File.ReadAllText(TestData.PathTo("venvstacks", "minimal_project", "expected_manifest_filtered.json")))!.AsObject();
        if (TestRuntimes.SkipReason is null)
        {
            _stack = await PublishStack.FromProjectAsync(TestData.PathTo("venvstacks", "minimal_project"));
            _build = await _stack.BuildAsync("build");
        }
    }

    public Task DisposeAsync()
    {
        _stack?.Dispose();
        return Task.CompletedTask;
    }

    [TestRuntimeFact]
    public async Task A_dry_run_and_a_publish_give_the_expected_manifest()
    {
        var output = Stack.Folder("out");
        var dryRun = await PublishEngine.PublishAsync(Stack.Request(_build, output, format: null) with { DryRun = true }, null, CancellationToken.None);
        var published = await PublishEngine.PublishAsync(Stack.Request(_build, output, format: null) with { Compression = new ArchiveCompression(Level: 0) }, null, CancellationToken.None);

        published.Succeeded.ShouldBeTrue(string.Join("\n", published.Diagnostics));
        var expected = PythonJson.Serialize(Substitute(_expected["manifest"]!));
        PythonJson.Serialize(Filter(JsonNode.Parse(dryRun.ManifestJson!)!)).ShouldBe(expected);
        PythonJson.Serialize(Filter(JsonNode.Parse(File.ReadAllText(published.ManifestPath!))!)).ShouldBe(expected);
        published.ManifestPath.ShouldBe(Path.Combine(output, "__venvstacks__", "venvstacks.json"));
        published.Layers.ShouldAllBe(l => l.MetadataPath == Path.Combine(output, "__venvstacks__", "env_metadata", l.BuildName + ".json"));
        published.Layers.ShouldAllBe(l => File.Exists(Path.Combine(output, l.InstallTarget() + ".tar.xz")));
    }

    [TestRuntimeFact]
    public async Task Tagged_names_follow_the_expected_rule()
    {
        var output = Stack.Folder("out-tagged");
        var rule = _expected["tagged_output_rule"]!.GetValue<string>();
        var archiveName = Regex.Match(rule, "archive_name becomes '([^']+)'").Groups[1].Value;
        var manifest = Regex.Match(rule, "overall manifest file is '([^']+)'").Groups[1].Value;
        var layerFile = Regex.Match(rule, "per-layer metadata files are '([^']+)'").Groups[1].Value;

        var result = await PublishEngine.PublishAsync(
            Stack.Request(_build, output, format: null) with { TagOutputs = true, Compression = new ArchiveCompression(Level: 0) }, null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        Path.GetRelativePath(output, result.ManifestPath!).Replace('\\', '/').ShouldBe(Fill(manifest, null));
        foreach (var layer in result.Layers)
        {
            var metadata = JsonNode.Parse(layer.MetadataJson)!;
            // Upstream names per-layer files after the layer name; in this project it equals the install target.
            layer.BuildName.ShouldBe(layer.InstallTarget());
            Path.GetFileName(layer.ArchivePath).ShouldBe(Fill(archiveName, metadata));
            Path.GetRelativePath(output, layer.MetadataPath).Replace('\\', '/').ShouldBe(Fill(layerFile, metadata));
        }
    }

    [TestRuntimeFact]
    public async Task Every_layers_metadata_has_the_documented_fields_and_the_fixture_lock_types()
    {
        var output = Stack.Folder("out-shape");
        var dryRun = await PublishEngine.PublishAsync(Stack.Request(_build, output) with { DryRun = true }, null, CancellationToken.None);
        var published = await PublishEngine.PublishAsync(Stack.Request(_build, output), null, CancellationToken.None);
        var lockFixture = JsonNode.Parse(File.ReadAllText(TestData.PathTo(
            "venvstacks", "sample_project", "requirements", "framework-scipy", "pylock.framework-scipy.meta.json")))!.AsObject();

        published.Succeeded.ShouldBeTrue(string.Join("\n", published.Diagnostics));
        foreach (var (result, isDryRun) in new[] { (dryRun, true), (published, false) })
        {
            foreach (var layer in result.Layers)
            {
                var metadata = JsonNode.Parse(layer.MetadataJson)!.AsObject();
                MetadataShape.Check(metadata, Stack.Spec.GetLayer(layer.BuildName).Kind, hasSupportModules: false, isDryRun);
                foreach (var (field, value) in lockFixture.Where(f => metadata.ContainsKey(f.Key)))
                {
                    metadata[field]!.GetValueKind().ShouldBe(value!.GetValueKind(), field);
                }
            }
        }
    }

    // The fixture's keys (every key any of its entries has); absent keys stay absent.
    private JsonNode Filter(JsonNode manifest)
    {
        var keys = _expected["manifest"]!["layers"]!.AsObject().SelectMany(c => c.Value!.AsArray()).SelectMany(e => e!.AsObject().Select(p => p.Key)).ToHashSet();
        foreach (var entry in manifest["layers"]!.AsObject().SelectMany(c => c.Value!.AsArray()))
        {
            foreach (var key in entry!.AsObject().Select(p => p.Key).Where(k => !keys.Contains(k)).ToList())
            {
                entry.AsObject().Remove(key);
            }
        }

        return manifest;
    }

    private JsonNode Substitute(JsonNode node) => JsonNode.Parse(node.ToJsonString()
        .Replace("{archive_suffix}", ArchiveFormats.Extension(PublishNaming.DefaultFormat(Stack.Platform)), StringComparison.Ordinal)
        .Replace("{build_platform}", Stack.Platform.Name, StringComparison.Ordinal))!;

    private string Fill(string template, JsonNode? metadata)
    {
        var text = template
            .Replace("{archive_suffix}", ArchiveFormats.Extension(PublishNaming.DefaultFormat(Stack.Platform)), StringComparison.Ordinal)
            .Replace("{build_platform}", Stack.Platform.Name, StringComparison.Ordinal);
        return metadata is null ? text : Regex.Replace(text, "{([a-z_]+)}", m => metadata[m.Groups[1].Value]!.ToString());
    }
}
