using VenvStacks.Core.Runtimes;
using System.Text.Json.Nodes;
using VenvStacks.Core.Export;
using VenvStacks.Core.Locking;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Export;

/// <summary>
/// Export decisions and failures on a stack built over a stand-in runtime (real layer files and locks, nothing to
/// run), so post-install is skipped or done by a stand-in interpreter.
/// </summary>
public sealed class ExportDecisionTests : IAsyncLifetime
{
    private TestStack _stack = null!;

    private string Output => Path.Combine(_stack.Root, "out");

    public async Task InitializeAsync() => _stack = await TestStack.CreateAsync(runtime: null);

    public Task DisposeAsync()
    {
        _stack.Dispose();
        return Task.CompletedTask;
    }

    private static string Describe(ExportResult result) => string.Join("\n", result.Diagnostics);

    [Fact]
    public async Task An_export_folder_overlapping_the_build_folder_is_refused_and_nothing_is_written()
    {
        var result = await _stack.ExportAsync(Path.Combine(_stack.BuildDirectory, "out"), ExportPostInstall.Skip);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4029"]);
        Directory.Exists(Path.Combine(_stack.BuildDirectory, "out")).ShouldBeFalse();
        (await _stack.ExportAsync(_stack.Root, ExportPostInstall.Skip)).Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4029"]);
    }

    [Fact]
    public async Task An_unknown_layer_in_the_selection_is_an_error_before_anything_happens()
    {
        var result = await _stack.ExportAsync(Output, ExportPostInstall.Skip, "demo", "nope");

        result.Diagnostics.Single().Code.ShouldBe("VSTK4030");
        result.Diagnostics.Single().Message.ShouldStartWith("No enabled layer is named 'nope'");
        result.Layers.ShouldBeEmpty();
        Directory.Exists(Output).ShouldBeFalse();
    }

    [Fact]
    public async Task A_layer_that_is_not_built_fails_with_the_layers_above_it_and_the_rest_is_exported()
    {
        Folders.TryDelete(Path.Combine(_stack.BuildDirectory, "framework-base"));

        var result = await _stack.ExportAsync(Output, ExportPostInstall.Skip);

        result.Layers.Select(l => (l.BuildName, l.Action)).ShouldBe(
        [
            (_stack.RuntimeName, LayerExportAction.Exported),
            ("framework-base", LayerExportAction.Failed),
            ("app-demo", LayerExportAction.Failed),
        ]);
        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4020", "VSTK4028"]);
        result.Diagnostics[0].Location!.File.ShouldBe(Path.Combine(_stack.BuildDirectory, "framework-base"));
        Directory.EnumerateDirectories(Output).Select(Path.GetFileName).ShouldBe(["__venvstacks__", _stack.RuntimeName], ignoreOrder: true);
    }

    [Fact]
    public async Task A_layer_not_built_that_does_not_target_this_machine_is_passed_over_and_others_are_not_post_installed()
    {
        Folders.TryDelete(Path.Combine(_stack.BuildDirectory, "app-demo"));
        var request = _stack.Request(Output) with { Host = TargetPlatform.MacOSArm64 };

        var result = await StackExporter.ExportAsync(request, null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(Describe(result));
        result.Layers.Select(l => l.Action).ShouldBe([LayerExportAction.Exported, LayerExportAction.Exported, LayerExportAction.NotBuilt]);
        result.Layers[0].PostInstallSkipped.ShouldBe(
            $"the layer is built for {HostPlatform.TryCurrent()!.Name} and this machine is macosx_arm64; run postinstall.py in each layer on such a machine");
        File.Exists(Path.Combine(Output, "framework-base@1", "postinstall.py")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_layer_without_a_valid_lock_is_refused()
    {
        File.Delete(LockStateFiles("app-demo").MetadataPath);

        var result = await _stack.ExportAsync(Output, ExportPostInstall.Skip);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4021"]);
        result.Layers.Select(l => l.Action).ShouldBe([LayerExportAction.Exported, LayerExportAction.Exported, LayerExportAction.Failed]);
    }

    [Fact]
    public async Task A_build_of_another_lock_version_is_refused_and_once_rebuilt_replaces_the_old_deployed_folder()
    {
        (await _stack.ExportAsync(Output, ExportPostInstall.Skip)).Succeeded.ShouldBeTrue();
        var metadata = LockStateFiles("framework-base").MetadataPath;
        var json = JsonNode.Parse(File.ReadAllText(metadata))!;
        json["lock_version"] = 2;
        File.WriteAllText(metadata, json.ToJsonString());

        var stale = await _stack.ExportAsync(Output, ExportPostInstall.Skip);

        stale.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4022", "VSTK4028"]);
        stale.Diagnostics[0].Message.ShouldContain("install_target \"framework-base@1\" (now: \"framework-base@2\")");
        await _stack.BuildAsync(_stack.Layer("framework-base"));
        await _stack.BuildAsync(_stack.Layer("app-demo"));

        var rebuilt = await _stack.ExportAsync(Output, ExportPostInstall.Skip);

        rebuilt.Succeeded.ShouldBeTrue(Describe(rebuilt));
        rebuilt.Layers.Select(l => (l.InstallTarget, l.Action)).ShouldBe(
        [
            (_stack.RuntimeName, LayerExportAction.UpToDate),
            ("framework-base@2", LayerExportAction.Exported),
            ("app-demo", LayerExportAction.Exported),
        ]);
        Directory.Exists(Path.Combine(Output, "framework-base@1")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(Output, "app-demo", "bin", "python")).ShouldContain("framework-base@2/share/venv/dynlib");
    }

    [Fact]
    public async Task A_damaged_export_state_is_a_warning_and_every_layer_is_exported_again()
    {
        (await _stack.ExportAsync(Output, ExportPostInstall.Skip)).Succeeded.ShouldBeTrue();
        File.WriteAllText(Path.Combine(Output, "__venvstacks__", "venvstacks_sdk_export.json"), "{ damaged");

        var result = await _stack.ExportAsync(Output, ExportPostInstall.Skip);

        result.Succeeded.ShouldBeTrue();
        result.Diagnostics.Single().Code.ShouldBe("VSTK4027");
        result.Layers.ShouldAllBe(l => l.Action == LayerExportAction.Exported);
    }

    [Fact]
    public async Task A_failing_post_install_fails_the_layer_and_the_next_export_redoes_it()
    {
        var result = await _stack.ExportAsync(Output, ExportPostInstall.WithInterpreter("/bin/false"), _stack.RuntimeName);

        result.Diagnostics.Single().Code.ShouldBe("VSTK4024");
        result.Diagnostics.Single().Message.ShouldStartWith($"{Path.Combine(Output, _stack.RuntimeName, "postinstall.py")} failed with exit code 1");
        File.Exists(Path.Combine(Output, "__venvstacks__", "env_metadata", _stack.RuntimeName + ".json")).ShouldBeFalse();
        var again = await _stack.ExportAsync(Output, ExportPostInstall.Skip, _stack.RuntimeName);
        again.Layers.Single().Action.ShouldBe(LayerExportAction.Exported);
    }

    [Fact]
    public async Task A_post_install_that_does_not_write_the_layer_files_is_caught()
    {
        var result = await _stack.ExportAsync(Output, ExportPostInstall.WithInterpreter("/bin/true"));

        result.Layers.Select(l => l.Action).ShouldBe([LayerExportAction.Exported, LayerExportAction.Failed, LayerExportAction.Failed]);
        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK4026", "VSTK4028"]);
        result.Diagnostics[0].Location!.File.ShouldBe(Path.Combine(Output, "framework-base@1", "pyvenv.cfg"));
    }

    [Fact]
    public async Task A_canceled_export_leaves_no_work_folder_and_no_layer_that_looks_exported()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Layer == "framework-base")
            {
                cancel.Cancel();
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(() =>
            StackExporter.ExportAsync(_stack.Request(Output, ExportPostInstall.Skip), progress, cancel.Token));

        Directory.EnumerateFileSystemEntries(Output, ".*").ShouldBeEmpty();
        File.Exists(Path.Combine(Output, "__venvstacks__", "env_metadata", "framework-base.json")).ShouldBeFalse();
        var next = await _stack.ExportAsync(Output, ExportPostInstall.Skip);
        next.Layers.Select(l => l.Action).ShouldBe([LayerExportAction.UpToDate, LayerExportAction.Exported, LayerExportAction.Exported]);
    }

    [Fact]
    public async Task A_layer_removed_from_the_stack_disappears_and_files_the_export_did_not_make_stay()
    {
        (await _stack.ExportAsync(Output, ExportPostInstall.Skip)).Succeeded.ShouldBeTrue();
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(Output, "my-folder"));
        await _stack.LoadAsync(withApplication: false);

        var result = await _stack.ExportAsync(Output, ExportPostInstall.Skip);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Select(l => (l.BuildName, l.InstallTarget, l.Action)).ShouldBe(
        [
            (_stack.RuntimeName, _stack.RuntimeName, LayerExportAction.UpToDate),
            ("framework-base", "framework-base@1", LayerExportAction.UpToDate),
            ("app-demo", "app-demo", LayerExportAction.Removed),
        ]);
        Directory.EnumerateFileSystemEntries(Output).Select(Path.GetFileName).ShouldBe(
            ["__venvstacks__", _stack.RuntimeName, "framework-base@1", "notes.txt", "my-folder"],
            ignoreOrder: true);
        File.Exists(Path.Combine(Output, "__venvstacks__", "env_metadata", "app-demo.json")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(Output, "__venvstacks__", "venvstacks.json")).ShouldContain("\"applications\": []");
    }

    [Fact]
    public async Task A_selected_application_brings_the_layers_below_it()
    {
        var result = await _stack.ExportAsync(Output, ExportPostInstall.Skip, "demo");

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Select(l => l.BuildName).ShouldBe([_stack.RuntimeName, "framework-base", "app-demo"]);
        var onlyRuntime = await _stack.ExportAsync(Output, ExportPostInstall.Skip, _stack.RuntimeName);
        onlyRuntime.Layers.Select(l => (l.BuildName, l.Action)).ShouldBe([(_stack.RuntimeName, LayerExportAction.UpToDate)]);
    }

    private LayerLockFiles LockStateFiles(string buildName) => _stack.LockStates[buildName].Files;

    // Progress<T> posts to the thread pool; the test needs the callback before the exporter goes on.
    private sealed class SynchronousProgress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }
}
