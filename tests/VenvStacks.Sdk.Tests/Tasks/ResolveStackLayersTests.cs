using VenvStacks.Tasks;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.FileSystem;
using VenvStacks.TestSupport.Sdk;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>ResolveStackLayers turns a spec into VenvStacksLayer items, or into coded, positioned errors.</summary>
public sealed class ResolveStackLayersTests
{
    [Fact]
    public void Each_enabled_layer_becomes_an_item_named_by_its_build_name_in_stack_order()
    {
        var (task, engine) = Run(TestData.Asset("diamond", "venvstacks.toml"));

        engine.Errors.ShouldBeEmpty();
        task.Layers.Select(i => i.ItemSpec).ShouldBe(
            ["cpython-3.11", "framework-A", "framework-B", "framework-C", "framework-D", "app-app"]);
    }

    [Fact]
    public void Layer_metadata_describes_kind_names_runtime_and_linearised_frameworks()
    {
        var (task, _) = Run(TestData.Asset("diamond", "venvstacks.toml"));

        var app = task.Layers.Single(i => i.ItemSpec == "app-app");
        app.GetMetadata("Kind").ShouldBe("Application");
        app.GetMetadata("Name").ShouldBe("app");
        app.GetMetadata("BuildName").ShouldBe("app-app");
        app.GetMetadata("InstallTarget").ShouldBe("app-app");
        app.GetMetadata("Runtime").ShouldBe("cpython-3.11");
        app.GetMetadata("Frameworks").ShouldBe("framework-D;framework-B;framework-C;framework-A");
        app.GetMetadata("PythonImplementation").ShouldBe("cpython@3.11.11");
        app.GetMetadata("PythonVersion").ShouldBe("3.11.11");
        app.GetMetadata("Versioned").ShouldBe("false");
        app.GetMetadata("LaunchModule").ShouldBe(TestData.Asset("diamond", "app.py"));
        app.GetMetadata("LaunchModuleName").ShouldBe("app");
        app.GetMetadata("Platforms").Split(';').ShouldBe(
            ["linux_aarch64", "linux_x86_64", "macosx_arm64", "macosx_x86_64", "win_amd64", "win_arm64"], ignoreOrder: true);

        var runtime = task.Layers.Single(i => i.ItemSpec == "cpython-3.11");
        runtime.GetMetadata("Kind").ShouldBe("Runtime");
        runtime.GetMetadata("Runtime").ShouldBe("cpython-3.11");
        runtime.GetMetadata("Frameworks").ShouldBeEmpty();
        runtime.GetMetadata("LaunchModule").ShouldBeEmpty();
    }

    [Fact]
    public void Names_with_MSBuild_special_characters_arrive_unchanged_and_disabled_layers_are_left_out()
    {
        var (task, engine) = Run(TestData.PathTo("venvstacks", "minimal_project", "venvstacks.toml"));

        engine.Errors.ShouldBeEmpty();
        task.Layers.Select(i => i.ItemSpec).ShouldContain("framework-layerF@1");
        task.Layers.Single(i => i.ItemSpec == "framework-layerF@1").GetMetadata("Name").ShouldBe("layerF@1");
        task.Layers.Single(i => i.ItemSpec == "app-empty").GetMetadata("Frameworks")
            .ShouldBe("framework-layerD;framework-layerF@1;framework-layerE;framework-layerB;framework-layerC;framework-layerA");
        task.Layers.Select(i => i.ItemSpec).ShouldNotContain("app-disabled");
    }

    [Fact]
    public void A_spec_error_is_logged_with_its_code_file_and_line_and_no_layers_are_produced()
    {
        var spec = TestData.Asset("bad-specs", "bad_requirement.toml");

        var (task, engine) = Run(spec);

        task.Layers.ShouldBeEmpty();
        var error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1005");
        error.File.ShouldBe(spec);
        error.LineNumber.ShouldBe(13);
        error.ColumnNumber.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_relative_spec_path_is_taken_from_the_project_folder_not_the_current_folder()
    {
        var engine = new RecordingBuildEngine { ProjectFileOfTaskNode = TestData.Asset("diamond", "stack.venvproj") };
        var task = new ResolveStackLayers { BuildEngine = engine, Spec = "venvstacks.toml" };

        task.Execute().ShouldBeTrue(string.Join("\n", engine.Errors.Select(e => e.Message)));
        task.Layers.Length.ShouldBe(6);
    }

    [Fact]
    public void A_missing_spec_is_one_coded_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "venvstacks.toml");

        var (task, engine) = Run(missing);

        task.Layers.ShouldBeEmpty();
        var error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1000");
        error.File.ShouldBe(missing);
    }

    [UnixFact]
    public async Task A_named_pipe_in_the_launch_package_neither_hangs_the_task_nor_changes_its_items()
    {
        // Issue 12, item 5: the task used to open the pipe while hashing the versioned app's launch package.
        var folder = TempDirectory.CreateUnder(TempDirectory.Root, "fifo-spec");
        try
        {
            var spec = Path.Combine(folder, "venvstacks.toml");
            File.WriteAllText(spec, ModuleSpecs.VersionedApplication("pkg"));
            Directory.CreateDirectory(Path.Combine(folder, "pkg"));
            File.WriteAllText(Path.Combine(folder, "pkg", "__main__.py"), "print('tool')\n");
            var fifo = SpecialFiles.MakeFifo(Path.Combine(folder, "pkg", "fifo"));

            var run = Task.Run(() => Run(spec));
            // A bound for a hung task, not a timing assertion; the pipe's reader is released so no thread stays stuck.
            if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))) != run)
            {
                SpecialFiles.ReleaseReaders(fifo);
                await run;
                throw new Xunit.Sdk.XunitException("ResolveStackLayers opened the named pipe in the launch package");
            }

            var (task, engine) = await run;
            engine.Errors.ShouldBeEmpty();
            task.Layers.Single(i => i.ItemSpec == "app-tool").GetMetadata("InstallTarget").ShouldBe("app-tool@???");
        }
        finally
        {
            TempDirectory.DeleteQuietly(folder);
        }
    }

    private static (ResolveStackLayers Task, RecordingBuildEngine Engine) Run(string spec)
    {
        var engine = new RecordingBuildEngine();
        var task = new ResolveStackLayers { BuildEngine = engine, Spec = spec };
        task.Execute().ShouldBe(engine.Errors.Count == 0);
        return (task, engine);
    }
}
