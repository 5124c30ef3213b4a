using VenvStacks.Core.Export;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Export;

/// <summary>Exports of a real stack that then changes: only what changed is exported again, dropped layers go.</summary>
[Trait("Category", "Integration")]
public sealed class ExportUpdateTests : IAsyncLifetime
{
    private TestStack? _stack;

    private TestStack Stack => _stack!;

    private string Output => Path.Combine(Stack.Root, "out");

    public async Task InitializeAsync()
    {
        if (TestRuntimes.SkipReason is null)
        {
            _stack = await TestStack.CreateAsync((await TestRuntimes.GetAsync()).For("3.11"));
        }
    }

    public Task DisposeAsync()
    {
        _stack?.Dispose();
        return Task.CompletedTask;
    }

    [TestRuntimeFact]
    public async Task Changing_one_application_exports_only_that_application_again()
    {
        (await Stack.ExportAsync(Output)).Succeeded.ShouldBeTrue();
        var app = Path.Combine(Output, "app-demo");
        var untouched = new[]
        {
            Path.Combine(Output, Stack.RuntimeName, "postinstall.py"),
            Path.Combine(Output, "framework-base@1", "postinstall.py"),
            Path.Combine(Output, "framework-base@1", "pyvenv.cfg"),
        };
        var before = await StackExportTests.StatAsync(untouched);
        var appBefore = await StackExportTests.StatAsync(app);
        File.WriteAllText(Path.Combine(Stack.SpecDirectory, "launch_app", "__main__.py"), "import fwpkg, sys\nprint('changed', fwpkg.VALUE)\n");
        await Stack.BuildAsync(Stack.Layer("app-demo"));

        var result = await Stack.ExportAsync(Output);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Select(l => (l.BuildName, l.Action)).ShouldBe(
        [
            (Stack.RuntimeName, LayerExportAction.UpToDate),
            ("framework-base", LayerExportAction.UpToDate),
            ("app-demo", LayerExportAction.Exported),
        ]);
        (await StackExportTests.StatAsync(untouched)).ShouldBe(before);
        (await StackExportTests.StatAsync(app)).ShouldNotBe(appBefore);
        var run = await Folders.RunAsync(Path.Combine(app, "bin", "python"), "-m", "launch_app");
        run.StandardOutput.ShouldBe("changed 42\n", run.Describe());
        Directory.EnumerateFileSystemEntries(Output, ".*").ShouldBeEmpty("no work folder is left behind");
    }

    [TestRuntimeFact]
    public async Task A_moved_export_folder_is_post_installed_again_in_its_new_place_without_copying()
    {
        (await Stack.ExportAsync(Output)).Succeeded.ShouldBeTrue();
        var moved = Path.Combine(Stack.Root, "moved");
        Directory.Move(Output, moved);
        var build = Folders.Snapshot(Stack.BuildDirectory);

        var result = await Stack.ExportAsync(moved);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.ShouldAllBe(l => l.Action == LayerExportAction.PostInstalledAgain && l.Copy == null && l.PostInstall!.Succeeded);
        var app = Path.Combine(moved, "app-demo");
        (await Folders.RunAsync(Path.Combine(app, "bin", "python"), "-m", "launch_app")).StandardOutput.ShouldBe($"launched 42 {app}\n");
        (await Stack.ExportAsync(moved)).Layers.ShouldAllBe(l => l.Action == LayerExportAction.UpToDate);
        Folders.Differences(build, Folders.Snapshot(Stack.BuildDirectory)).ShouldBeEmpty("post-install replaces the files it writes in the hard-linked export");
    }

    [TestRuntimeFact]
    public async Task Without_post_install_the_layers_are_exported_and_post_installed_by_a_later_export()
    {
        var skipped = await Stack.ExportAsync(Output, ExportPostInstall.Skip);

        skipped.Layers.ShouldAllBe(l => l.Action == LayerExportAction.Exported && l.PostInstall == null && l.PostInstallSkipped == "post-install was not requested");
        File.Exists(Path.Combine(Output, "framework-base@1", "pyvenv.cfg")).ShouldBeFalse();
        var later = await Stack.ExportAsync(Output);
        later.Layers.ShouldAllBe(l => l.Action == LayerExportAction.PostInstalledAgain);
        File.Exists(Path.Combine(Output, "framework-base@1", "pyvenv.cfg")).ShouldBeTrue();
    }
}
