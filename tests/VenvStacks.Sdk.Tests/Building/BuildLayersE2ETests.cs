using Microsoft.Build.Framework;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Sdk;
using VenvStacks.TestSupport.Wheels;
using Xunit.Abstractions;
using LoggedTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace VenvStacks.Sdk.Tests.Building;

/// <summary>
/// `dotnet build` builds the locked layers, offline, with real parts: a runtime packed from the machine's CPython, real
/// and compiled wheels from a 127.0.0.1 index. The built Python runs the apps; pip accepts what our installer wrote;
/// a second build does nothing; a change rebuilds only the layer it concerns and syncs it; a bad wheel or a killed build
/// never leaves a broken layer behind.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class BuildLayersE2ETests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Layers = ["cpython-3.11", "framework-native", "framework-libs", "app-one", "app-two"];

    private static readonly Dictionary<string, string?> NoPipNoise = new() { ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1", ["PIP_NO_INPUT"] = "1" };

    [BuildFact]
    public Task A_build_leaves_layers_whose_apps_run_with_packages_from_every_lower_layer() => WithScenario(async (project, scenario) =>
    {
        var build = await project.BuildAsync();

        build.ShouldSucceed();
        foreach (var layer in Layers)
        {
            File.Exists(BuildScenario.LayerPath(project, layer) + ".last-build.json").ShouldBeTrue(layer);
            build.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith($"Built {layer}: ", StringComparison.Ordinal));
        }

        build.Log.HighImportanceMessages.ShouldContain(m => m.Contains(scenario.Runtime311.Version, StringComparison.Ordinal) && m.Contains("Extracted", StringComparison.Ordinal));

        var one = await BuildScenario.RunLayerPythonAsync(project, "app-one", "-m", "app_one");
        one.EnsureSuccess("app one");
        one.StandardError.ShouldBeEmpty();
        one.StandardOutput.ShouldBe(
            "hello from one\ncext_demo.add(2, 3) = 5\nlibbar answer = 43\nsetuptools from the runtime layer: True\npython 3.11\n",
            StringCompareShould.IgnoreLineEndings);

        var two = await BuildScenario.RunLayerPythonAsync(project, "app-two", "-m", "app_two");
        two.EnsureSuccess("app two");
        two.StandardError.ShouldBeEmpty();
        two.StandardOutput.Trim().ShouldBe("TWO! 42");

        // The versioned library reaches app one only through the framework's dynlib folder (no RPATH anywhere).
        var dynlib = Path.Combine(BuildScenario.LayerPath(project, "framework-libs"), "share", "venv", "dynlib", "libbar.so.1");
        new FileInfo(dynlib).LinkTarget.ShouldNotBeNull();

        // pip itself accepts the RECORD our installer wrote, and can uninstall from it (in a copy of the build).
        var show = await BuildScenario.RunLayerPythonAsync(project, "framework-native", "-m", "pip", "show", "-f", "pip");
        show.EnsureSuccess("pip show").StandardOutput.ShouldContain("pip/__init__.py");
        var copy = Path.Combine(project.RootDirectory, "build-copy");
        (await ExternalProcess.RunAsync("cp", ["-a", Path.Combine(project.ProjectDirectory, "obj", "venvstacks", "build"), copy])).EnsureSuccess("cp -a");
        var uninstall = await ExternalProcess.RunAsync(Path.Combine(copy, "framework-native", "bin", "python"), ["-m", "pip", "uninstall", "-y", "pip"], NoPipNoise);
        uninstall.EnsureSuccess("pip uninstall in the copy");
        Directory.Exists(Path.Combine(copy, "framework-native", "lib", "python3.11", "site-packages", "pip")).ShouldBeFalse();
        Directory.Exists(Path.Combine(BuildScenario.LayerPath(project, "framework-native"), "lib", "python3.11", "site-packages", "pip")).ShouldBeTrue();

        var again = await project.BuildAsync();

        again.ShouldSucceed();
        again.Log.TargetSkipped("LockLayers", TargetSkipReason.OutputsUpToDate).ShouldBeTrue();
        again.Log.TargetSkipped("BuildLayers", TargetSkipReason.OutputsUpToDate).ShouldBeTrue();
        again.Log.Tree.FindChildrenRecursive<LoggedTask>(t => t.Name is "LockLayers" or "BuildLayers").ShouldBeEmpty("no lock or build task runs");
    });

    [BuildFact]
    public Task A_changed_app_is_rebuilt_alone_and_loses_the_packages_its_lock_dropped() => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync()).ShouldSucceed();
        var records = Layers.ToDictionary(layer => layer, layer => File.GetLastWriteTimeUtc(BuildScenario.LayerPath(project, layer) + ".last-build.json"));
        var twoSite = Path.Combine(BuildScenario.LayerPath(project, "app-two"), "lib", "python3.11", "site-packages");
        Directory.Exists(Path.Combine(twoSite, "tinyhelper")).ShouldBeTrue();

        project.WithSpec(scenario.Spec().Replace("requirements = [\"tinyhelper\"]", "requirements = []", StringComparison.Ordinal));
        var build = await project.BuildAsync();

        build.ShouldSucceed();
        build.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith("Built app-two: ", StringComparison.Ordinal) && m.Contains("1 removed", StringComparison.Ordinal));
        foreach (var layer in Layers.Where(layer => layer != "app-two"))
        {
            File.GetLastWriteTimeUtc(BuildScenario.LayerPath(project, layer) + ".last-build.json").ShouldBe(records[layer], $"{layer} is not rebuilt");
        }

        Directory.Exists(Path.Combine(twoSite, "tinyhelper")).ShouldBeFalse();
        Directory.EnumerateDirectories(twoSite, "tinyhelper-*.dist-info").ShouldBeEmpty();
    });

    [BuildFact]
    public Task A_wheel_escaping_its_folder_fails_with_a_coded_error_and_keeps_the_previous_layer() => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync()).ShouldSucceed();
        var record = BuildScenario.LayerPath(project, "app-two") + ".last-build.json";
        var before = File.ReadAllText(record);

        scenario.Server.Add(new WheelBuilder("tinyhelper", "2.0").WithModule("tinyhelper/__init__.py", "").WithModule("../../../escaped.py", "print('pwned')").Build());
        project.WithSpec(scenario.Spec().Replace("requirements = [\"tinyhelper\"]", "requirements = [\"tinyhelper>=2\"]", StringComparison.Ordinal));
        var build = await project.BuildAsync();

        build.ShouldFail();
        build.Log.Errors.ShouldContain(e => e.Code != null && e.Code.StartsWith("VSTK302", StringComparison.Ordinal) && e.Message.Contains("tinyhelper", StringComparison.Ordinal));
        build.Log.Errors.ShouldNotContain(e => e.Code == "VSTK9999");
        File.ReadAllText(record).ShouldBe(before, "the previous build record stays");
        Directory.Exists(BuildScenario.LayerPath(project, "app-two") + ".staging").ShouldBeFalse();
        Directory.EnumerateFiles(project.RootDirectory, "escaped.py", SearchOption.AllDirectories).ShouldBeEmpty();
        (await BuildScenario.RunLayerPythonAsync(project, "app-two", "-m", "app_two")).EnsureSuccess("the previous app two").StandardOutput.Trim().ShouldBe("TWO! 42");
    });

    [BuildFact]
    public Task A_build_killed_while_it_builds_a_layer_is_completed_by_the_next_build() => WithScenario(async (project, scenario) =>
    {
        using var stop = new CancellationTokenSource();
        var staging = BuildScenario.LayerPath(project, "framework-native") + ".staging";
        var killed = false;
        var interrupted = await project.RunAsync("build", [], process => _ = Task.Run(async () =>
        {
            // Kill the whole build (no chance to clean up) as soon as it works on the framework's staging folder.
            while (!stop.IsCancellationRequested && !process.HasExited)
            {
                if (Directory.Exists(staging))
                {
                    killed = true;
                    process.Kill(entireProcessTree: true);
                    return;
                }

                await Task.Delay(20);
            }
        }));
        await stop.CancelAsync();
        killed.ShouldBeTrue("the build was killed while building framework-native");
        interrupted.Succeeded.ShouldBeFalse();
        File.Exists(BuildScenario.LayerPath(project, "framework-native") + ".last-build.json").ShouldBeFalse("a killed build records nothing");

        var build = await project.BuildAsync();

        build.ShouldSucceed();
        Directory.Exists(staging).ShouldBeFalse();
        (await BuildScenario.RunLayerPythonAsync(project, "app-one", "-m", "app_one")).EnsureSuccess("app one after recovery");
    });

    [BuildFact]
    public Task A_solution_builds_a_second_stack_on_another_runtime_beside_the_first() => WithScenario(async (project, scenario) =>
    {
        var py312 = scenario.Runtimes.For("3.12");
        project.WithRootFile("stack312/app312.py", "import sys, greeting\nprint(greeting.hello(f'{sys.version_info[0]}.{sys.version_info[1]}'))\n");
        project.WithRootFile("stack312/venvstacks.toml", $$"""
            [[runtimes]]
            name = "cpython-3.12"
            python_implementation = "cpython@{{py312.Version}}"
            requirements = []
            platforms = ["{{BuildScenario.Platform}}"]

            [[applications]]
            name = "hello"
            runtime = "cpython-3.12"
            launch_module = "app312.py"
            requirements = ["greeting"]

            [[tool.uv.index]]
            name = "local"
            url = "{{scenario.Server.SimpleUri.AbsoluteUri}}"
            default = true
            """);
        project.WithRootFile("stack312/stack.venvproj", File.ReadAllText(project.ProjectPath));
        project.WithRootFile("all.sln", Solution("stack/stack.venvproj", "stack312/stack.venvproj"));

        var build = await project.RunOnAsync("all.sln", "build", []);

        build.ShouldSucceed();
        var hello = await ExternalProcess.RunAsync(
            Path.Combine(project.RootDirectory, "stack312", "obj", "venvstacks", "build", "app-hello", "bin", "python"), ["-m", "app312"], null, project.RootDirectory);
        hello.EnsureSuccess("the 3.12 app").StandardOutput.Trim().ShouldBe("hello from 3.12");
        (await BuildScenario.RunLayerPythonAsync(project, "app-one", "-m", "app_one")).EnsureSuccess("the 3.11 app");
    });

    // A classic solution file naming the given projects (the generic SDK project type, as `dotnet sln add` records
    // for a .venvproj).
    private static string Solution(params string[] projects)
    {
        var text = new System.Text.StringBuilder("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
        var ids = projects.Select((_, i) => $"{{00000000-0000-0000-0000-0000000000{i + 10:00}}}").ToList();
        for (var i = 0; i < projects.Length; i++)
        {
            text.Append($"Project(\"{{13B669BE-BB05-4DDF-9536-439F39A36129}}\") = \"{Path.GetFileNameWithoutExtension(Path.GetDirectoryName(projects[i]))}\", \"{projects[i].Replace('/', '\\')}\", \"{ids[i]}\"\nEndProject\n");
        }

        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n");
        text.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var id in ids)
        {
            text.Append($"\t\t{id}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{id}.Debug|Any CPU.Build.0 = Debug|Any CPU\n");
        }

        return text.Append("\tEndGlobalSection\nEndGlobal\n").ToString();
    }

    private Task WithScenario(Func<TestProject, BuildScenario, Task> test) =>
        fixture.RunInProjectAsync(output, async project =>
        {
            await using var scenario = await BuildScenario.StartAsync();
            scenario.Prepare(project);
            await test(project, scenario);
        });
}
