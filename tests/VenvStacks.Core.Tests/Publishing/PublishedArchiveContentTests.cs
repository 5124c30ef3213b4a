using System.Text;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Publishing;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// Archives published from real builds (docs/venvstacks-reference.md §4.3–§4.4): the same bytes from two builds with
/// different histories, every entry at the lock time (or <c>SOURCE_DATE_EPOCH</c>), owned by root, build artefacts
/// left out, <c>postinstall.py</c> injected, links kept with deployed names, and layers that work once unpacked side
/// by side and post-installed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PublishedArchiveContentTests(TwoBuildsFixture fixture) : IClassFixture<TwoBuildsFixture>
{
    private PublishStack Stack => fixture.Stack;

    [TestRuntimeTheory]
    [InlineData(ArchiveFormat.TarXz)]
    [InlineData(ArchiveFormat.TarZst)]
    [InlineData(ArchiveFormat.Zip)]
    public async Task Two_builds_with_different_histories_publish_byte_identical_archives_and_metadata(ArchiveFormat format)
    {
        // xz preset 1 keeps the test quick; the level changes block contents, not what makes output reproducible.
        var compression = new ArchiveCompression(Level: format == ArchiveFormat.TarXz ? 1 : null);
        var outA = Stack.Folder("out-a-" + format);
        var outB = Stack.Folder("out-b-" + format);

        var a = await PublishEngine.PublishAsync(Stack.Request(fixture.BuildA, outA, format) with { Compression = compression }, null, CancellationToken.None);
        var b = await PublishEngine.PublishAsync(Stack.Request(fixture.BuildB, outB, format) with { Compression = compression }, null, CancellationToken.None);

        a.Succeeded.ShouldBeTrue(string.Join("\n", a.Diagnostics));
        b.Succeeded.ShouldBeTrue(string.Join("\n", b.Diagnostics));
        a.Layers.Select(l => l.BuildName).ShouldBe(["cpython-3.11", "framework-base", "app-demo", "app-other"]);
        a.Layers.ShouldAllBe(l => l.Action == LayerPublishAction.Archived);
        foreach (var (left, right) in a.Layers.Zip(b.Layers))
        {
            Path.GetFileName(left.ArchivePath).ShouldEndWith(ArchiveFormats.Extension(format));
            PublishedArchives.Sha256(right.ArchivePath).ShouldBe(PublishedArchives.Sha256(left.ArchivePath), left.BuildName);
            File.ReadAllBytes(right.MetadataPath).ShouldBe(File.ReadAllBytes(left.MetadataPath), left.BuildName);
        }

        b.ManifestJson.ShouldBe(a.ManifestJson);
        File.ReadAllText(b.ManifestPath!).ShouldBe(File.ReadAllText(a.ManifestPath!));
    }

    [TestRuntimeFact]
    public async Task Every_entry_has_the_layers_lock_time_and_root_ownership()
    {
        var progress = new RecordedProgress();
        var result = await PublishEngine.PublishAsync(Stack.Request(fixture.BuildB, Stack.Folder("out-times")), progress, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        progress.Reports.Select(r => r.BuildName).Distinct().ShouldBe(result.Layers.Select(l => l.BuildName));
        foreach (var layer in result.Layers)
        {
            var statistics = layer.Statistics.ShouldNotBeNull();
            statistics.BytesOut.ShouldBe(new FileInfo(layer.ArchivePath).Length);
            statistics.BytesIn.ShouldBe(progress.Reports.Last(r => r.BuildName == layer.BuildName).Progress.BytesIn);
            statistics.BytesIn.ShouldBeGreaterThan(statistics.BytesOut);
            statistics.Describe().ShouldMatch(@"^\d+\.\d MB in, \d+\.\d MB out, \d+\.\d s$");
        }

        var locks = LockStateReader.Read(Stack.Spec);
        foreach (var layer in result.Layers)
        {
            var lockTime = DateTimeOffset.FromUnixTimeSeconds(locks[layer.BuildName].Recorded!.LockedAtTime.ToUnixTimeSeconds());
            var entries = await PublishedArchives.EntriesAsync(layer.ArchivePath);
            entries.Count.ShouldBeGreaterThan(3);
            entries.ShouldAllBe(e => e.ModificationTime == lockTime, layer.BuildName);
            entries.ShouldAllBe(e => e.Owner == new ArchiveEntryOwner(0, 0, "root", "root"), layer.BuildName);
        }
    }

    [TestRuntimeTheory]
    [InlineData(ArchiveFormat.TarZst)]
    [InlineData(ArchiveFormat.Zip)]
    public async Task SOURCE_DATE_EPOCH_replaces_the_lock_time_of_every_entry(ArchiveFormat format)
    {
        var epoch = new DateTimeOffset(2021, 5, 6, 7, 8, 10, TimeSpan.Zero);

        var result = await PublishEngine.PublishAsync(
            Stack.Request(fixture.BuildA, Stack.Folder("out-epoch-" + format), format) with { SourceDateEpoch = epoch }, null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        foreach (var layer in result.Layers)
        {
            (await PublishedArchives.EntriesAsync(layer.ArchivePath)).ShouldAllBe(e => e.ModificationTime == epoch, layer.BuildName);
        }
    }

    [TestRuntimeFact]
    public async Task Metadata_has_the_documented_fields_including_support_modules_and_the_archive_digest()
    {
        var result = await PublishEngine.PublishAsync(Stack.Request(fixture.BuildA, Stack.Folder("out-shape")), null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        foreach (var layer in result.Layers)
        {
            var metadata = System.Text.Json.Nodes.JsonNode.Parse(layer.MetadataJson)!.AsObject();
            var spec = Stack.Spec.GetLayer(layer.BuildName);
            MetadataShape.Check(metadata, spec.Kind, spec is VenvStacks.Core.Specs.ApplicationLayerSpec { SupportModules.IsEmpty: false }, dryRun: false);
            metadata["archive_hashes"]!["sha256"]!.GetValue<string>().ShouldBe(PublishedArchives.Sha256(layer.ArchivePath));
            metadata["archive_size"]!.GetValue<long>().ShouldBe(new FileInfo(layer.ArchivePath).Length);
        }

        var demo = System.Text.Json.Nodes.JsonNode.Parse(result.Layer("app-demo").MetadataJson)!;
        demo["app_support_modules"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ShouldBe(["support"]);
        demo["required_layers"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["framework-base@1"]);
        demo["runtime_layer"]!.GetValue<string>().ShouldBe("cpython-3.11");
        demo["bound_to_implementation"]!.GetValue<bool>().ShouldBeFalse();
    }

    [TestRuntimeFact]
    public async Task Build_artefacts_are_left_out_postinstall_is_injected_and_links_name_deployed_layers()
    {
        var result = await PublishEngine.PublishAsync(Stack.Request(fixture.BuildA, Stack.Folder("out-content")), null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        foreach (var layer in result.Layers)
        {
            var root = layer.InstallTarget();
            var entries = await PublishedArchives.EntriesAsync(layer.ArchivePath);
            var names = entries.Names().ToList();
            names[0].ShouldBe(root);
            names.ShouldAllBe(n => n == root || n.StartsWith(root + "/", StringComparison.Ordinal));
            names.ShouldNotContain(n => n.Split('/', StringSplitOptions.None).Contains("__pycache__"));
            names.ShouldNotContain(n => n.EndsWith("/sitecustomize.py", StringComparison.Ordinal));
            names.ShouldNotContain($"{root}/pyvenv.cfg");
            names.ShouldNotContain($"{root}/.build-state");
            var postInstall = entries.Single(e => e.Name == $"{root}/postinstall.py");
            postInstall.Kind.ShouldBe(ArchiveEntryKind.File);
            postInstall.Mode.ShouldBe(0b110_100_100);
            postInstall.Length.ShouldBe(PublishStack.PostInstallScript.Length);
        }

        var app = await PublishedArchives.EntriesAsync(result.Layer("app-demo").ArchivePath);
        app.Single(e => e.Name == "app-demo/bin/python_").LinkTarget.ShouldBe("../../cpython-3.11/bin/python");
        app.Single(e => e.Name == "app-demo/bin/python3").LinkTarget.ShouldBe("python");
        app.Single(e => e.Name == "app-demo/bin/python").Mode.ShouldBe(0b111_101_101);
        app.Single(e => e.Name == "app-demo/share/venv/dynlib/libshared_pkg_app_demo.so").LinkTarget
            .ShouldBe("../../../lib/python3.11/site-packages/pkg_app_demo/libshared_pkg_app_demo.so");
        var framework = await PublishedArchives.EntriesAsync(result.Layer("framework-base").ArchivePath);
        framework[0].Name.TrimEnd('/').ShouldBe("framework-base@1");
    }

    [TestRuntimeFact]
    public async Task Published_layers_unpacked_side_by_side_and_post_installed_run_with_their_deployed_names()
    {
        var result = await PublishEngine.PublishAsync(Stack.Request(fixture.BuildB, Stack.Folder("out-deploy")), null, CancellationToken.None);
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var deployment = Stack.Folder("deployment");

        await PublishedArchives.DeployAsync(result, deployment);

        var runtimePython = Path.Combine(deployment, "cpython-3.11", "bin", "python");
        foreach (var layer in result.Layers)
        {
            var folder = Path.Combine(deployment, layer.InstallTarget());
            File.ReadAllBytes(Path.Combine(folder, "postinstall.py")).ShouldBe(PublishStack.PostInstallScript);
            var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "share", "venv", "metadata", "venvstacks_layer.json")))!;
            foreach (var key in new[] { "python", "base_python" })
            {
                File.Exists(Path.Combine(folder, config[key]!.GetValue<string>())).ShouldBeTrue($"{layer.BuildName}: {key}");
            }

            var directories = config["pylib_dirs"]!.AsArray().Select(d => d!.GetValue<string>()).Append(config["site_dir"]!.GetValue<string>());
            directories.ShouldAllBe(d => Directory.Exists(Path.Combine(folder, d)), layer.BuildName);
            await Run(runtimePython, "-X", "utf8", "-I", Path.Combine(folder, "postinstall.py"));
        }

        var bin = Path.Combine(deployment, "app-demo", "bin");
        (await Run(Path.Combine(bin, "python"), "-m", "launch_app")).ShouldBe("launched app-demo framework-base\n");
        (await Run(Path.Combine(bin, "python3"), "-c", "import os, sys; print(sys.prefix); print(os.environ['LD_LIBRARY_PATH'])")).ShouldBe(
            $"{Path.Combine(deployment, "app-demo")}\n{bin}/../../framework-base@1/share/venv/dynlib:{bin}/../../cpython-3.11/share/venv/dynlib\n");
        (await Run(Path.Combine(deployment, "app-other", "bin", "python"), "-m", "other")).ShouldBe("other\n");
    }

    private static async Task<string> Run(string executable, params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = null, ["PYTHONHOME"] = null, ["PYTHONPATH"] = null };
        var output = await ExternalProcess.RunAsync(executable, arguments, environment);
        output.EnsureSuccess($"{executable} {string.Join(' ', arguments)}");
        return output.StandardOutput;
    }

    private sealed class RecordedProgress : IProgress<LayerArchiveProgress>
    {
        private readonly List<LayerArchiveProgress> _reports = [];

        public IReadOnlyList<LayerArchiveProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(LayerArchiveProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
