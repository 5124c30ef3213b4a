using System.Text.Json.Nodes;
using VenvStacks.Core.Export;
using VenvStacks.Core.Json;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;
using Xunit.Abstractions;

namespace VenvStacks.Core.Tests.Export;

/// <summary>A real stack built from the machine's test runtime, exported once, then run from the export.</summary>
[Collection(ExportedStackCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StackExportTests(ExportedStackFixture fixture, ITestOutputHelper output)
{
    private TestStack Stack => fixture.Stack;

    [TestRuntimeFact]
    public void Every_layer_is_exported_under_its_deployed_name_with_hard_links_and_post_install()
    {
        var result = fixture.Result;

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Select(l => (l.BuildName, l.InstallTarget, l.Action)).ShouldBe(
        [
            (Stack.RuntimeName, Stack.RuntimeName, LayerExportAction.Exported),
            ("framework-base", "framework-base@1", LayerExportAction.Exported),
            ("app-demo", "app-demo", LayerExportAction.Exported),
        ]);
        result.Layers.ShouldAllBe(l => l.PostInstall != null && l.PostInstall.Succeeded && l.PostInstallSkipped == null);
        result.Layers.ShouldAllBe(l => l.Copy!.HardLinked == l.Copy.Files && l.Copy.Copied == 0);
        foreach (var layer in result.Layers)
        {
            output.WriteLine($"{layer.InstallTarget}: {layer.Copy!.Files} files, {layer.Copy.Bytes / 1048576.0:F1} MiB, {layer.Copy.SymbolicLinks} links, "
                + $"{layer.Elapsed.TotalSeconds:F2} s in all, post-install {layer.PostInstall!.Elapsed.TotalSeconds:F2} s");
        }

        Directory.EnumerateFileSystemEntries(fixture.Output).Select(Path.GetFileName)
            .ShouldBe(["__venvstacks__", "app-demo", Stack.RuntimeName, "framework-base@1"], ignoreOrder: true);
    }

    [TestRuntimeFact]
    public async Task The_exported_application_runs_its_launch_module_importing_from_the_framework()
    {
        var app = fixture.LayerFolder("app-demo");

        var run = await Folders.RunAsync(Path.Combine(app, "bin", "python"), "-m", "launch_app");

        run.Succeeded.ShouldBeTrue(run.Describe());
        run.StandardOutput.ShouldBe($"launched 42 {app}\n");
    }

    [TestRuntimeFact]
    public async Task The_framework_console_script_is_regenerated_and_runs_in_the_framework()
    {
        var framework = fixture.LayerFolder("framework-base");

        var run = await Folders.RunAsync(Path.Combine(framework, "bin", "fwtool"), "a b", "c");

        run.Succeeded.ShouldBeTrue(run.Describe());
        run.StandardOutput.ShouldBe($"fwtool 42 {framework} ['a b', 'c']\n");
        new FileInfo(Path.Combine(framework, "bin", "fwtool")).UnixFileMode.ShouldBe((UnixFileMode)0b111_101_101);
    }

    [TestRuntimeFact]
    public async Task The_runtime_layer_gets_its_console_scripts_back_too()
    {
        var runtime = fixture.LayerFolder(Stack.RuntimeName);

        var run = await Folders.RunAsync(Path.Combine(runtime, "bin", "pip"), "--version");

        run.Succeeded.ShouldBeTrue(run.Describe());
        run.StandardOutput.ShouldContain($"from {Stack.SitePackages(runtime)}{Path.DirectorySeparatorChar}pip ");
    }

    [TestRuntimeFact]
    public void The_build_tree_has_the_same_bytes_and_modes_after_export_and_post_install()
    {
        Folders.Differences(fixture.BuildBefore, fixture.BuildAfter).ShouldBeEmpty();
        fixture.BuildBefore.Count.ShouldBeGreaterThan(1000);
    }

    [TestRuntimeFact]
    public void Build_only_files_are_left_out_and_post_install_wrote_its_own()
    {
        var framework = fixture.LayerFolder("framework-base");
        var buildFramework = Path.Combine(Stack.BuildDirectory, "framework-base");

        File.ReadAllText(Path.Combine(framework, "pyvenv.cfg")).ShouldContain($"home = {fixture.LayerFolder(Stack.RuntimeName)}{Path.DirectorySeparatorChar}bin\n");
        File.ReadAllText(Path.Combine(Stack.SitePackages(framework), "sitecustomize.py")).ShouldNotContain(Stack.BuildDirectory);
        File.ReadAllText(Path.Combine(Stack.SitePackages(buildFramework), "sitecustomize.py")).ShouldContain(Stack.BuildDirectory);
        File.Exists(Path.Combine(fixture.LayerFolder(Stack.RuntimeName), "lib", Stack.PythonXY, "__pycache__", "os.cpython-311.pyc")).ShouldBeTrue();
        File.Exists(Path.Combine(Stack.SitePackages(framework), "fwpkg", "__pycache__", "cli.cpython-311.pyc")).ShouldBeTrue();
        new FileInfo(Path.Combine(framework, "bin", "python_")).LinkTarget.ShouldBe($"../../{Stack.RuntimeName}/bin/python");
        File.ReadAllText(Path.Combine(fixture.LayerFolder("app-demo"), "bin", "python")).ShouldContain("$script_dir/../../framework-base@1/share/venv/dynlib");
    }

    [TestRuntimeFact]
    public void The_export_metadata_is_venvstacks_common_metadata_from_the_build_record()
    {
        var metadata = Path.Combine(fixture.Output, "__venvstacks__");
        foreach (var layer in Stack.Spec.Layers)
        {
            var text = File.ReadAllText(Path.Combine(metadata, "env_metadata", layer.BuildName + ".json"));
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(Stack.BuildDirectory, layer.BuildName + ".last-build.json")))!;

            text.ShouldBe(PythonJson.SerializeFile(record["layer_details"]));
            JsonNode.Parse(text)!.AsObject().Select(p => p.Key).ShouldNotContain(k => k.StartsWith("archive_", StringComparison.Ordinal) || k == "target_platform");
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(metadata, "venvstacks.json")))!["layers"]!;
        manifest["runtimes"]!.AsArray().Select(l => (string?)l!["install_target"]).ShouldBe([Stack.RuntimeName]);
        manifest["frameworks"]!.AsArray().Select(l => (string?)l!["install_target"]).ShouldBe(["framework-base@1"]);
        manifest["applications"]!.AsArray().Select(l => (string?)l!["install_target"]).ShouldBe(["app-demo"]);
        File.ReadAllText(Path.Combine(metadata, "venvstacks.json")).ShouldEndWith("}\n");
    }

    [TestRuntimeFact]
    public async Task Exporting_again_with_nothing_changed_leaves_every_file_alone()
    {
        var probes = new[]
        {
            fixture.Output,
            fixture.LayerFolder("app-demo"),
            Path.Combine(fixture.LayerFolder("app-demo"), "postinstall.py"),
            Path.Combine(fixture.LayerFolder("framework-base"), "pyvenv.cfg"),
            Path.Combine(fixture.LayerFolder("framework-base"), "bin", "fwtool"),
            Path.Combine(fixture.Output, "__venvstacks__", "venvstacks.json"),
            Path.Combine(fixture.Output, "__venvstacks__", "env_metadata", "app-demo.json"),
            Path.Combine(fixture.Output, "__venvstacks__", "venvstacks_sdk_export.json"),
        };
        var before = await StatAsync(probes);

        var again = await Stack.ExportAsync(fixture.Output);

        again.Succeeded.ShouldBeTrue(string.Join("\n", again.Diagnostics));
        again.Layers.ShouldAllBe(l => l.Action == LayerExportAction.UpToDate && l.PostInstall == null);
        (await StatAsync(probes)).ShouldBe(before);
    }

    // Inode, change time and modification time (nanoseconds): any rewrite or replacement changes one of them.
    internal static async Task<string> StatAsync(params string[] paths)
    {
        var run = await ExternalProcess.RunAsync("stat", ["--format=%i %.9Z %.9Y %n", .. paths]);
        return run.EnsureSuccess("stat").StandardOutput;
    }
}
