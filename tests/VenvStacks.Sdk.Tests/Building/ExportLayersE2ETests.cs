using Microsoft.Build.Framework;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;
using LoggedTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace VenvStacks.Sdk.Tests.Building;

/// <summary>
/// `dotnet build` exports the built layers into the output folder as runnable, post-installed environments with
/// venvstacks' export metadata; a second build leaves them alone; a layer removed from the spec leaves the output.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class ExportLayersE2ETests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [BuildFact]
    public Task The_output_folder_holds_post_installed_layers_whose_apps_and_console_scripts_run() => fixture.RunInProjectAsync(output, async project =>
    {
        await using var scenario = await BuildScenario.StartAsync();
        scenario.Prepare(project);

        var build = await project.BuildAsync();

        build.ShouldSucceed();
        var bin = Path.Combine(project.ProjectDirectory, "bin", "Debug");
        foreach (var layer in new[] { "cpython-3.11", "framework-native", "framework-libs", "app-one", "app-two" })
        {
            File.Exists(Path.Combine(bin, layer, "postinstall.py")).ShouldBeTrue(layer);
            File.Exists(Path.Combine(bin, "__venvstacks__", "env_metadata", layer + ".json")).ShouldBeTrue(layer);
        }

        File.Exists(Path.Combine(bin, "__venvstacks__", "venvstacks.json")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(bin, "app-one", "pyvenv.cfg")).ShouldContain(Path.Combine(bin, "cpython-3.11"));

        var one = await ExternalProcess.RunAsync(Path.Combine(bin, "app-one", "bin", "python"), ["-m", "app_one"], null, project.RootDirectory);
        one.EnsureSuccess("the exported app one").StandardOutput.ShouldContain("libbar answer = 43");
        one.StandardError.ShouldBeEmpty();
        var pip = await ExternalProcess.RunAsync(Path.Combine(bin, "framework-native", "bin", "pip"), ["--version"], new Dictionary<string, string?> { ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1" }, project.RootDirectory);
        pip.EnsureSuccess("the framework's pip console script").StandardOutput.ShouldContain(Path.Combine(bin, "framework-native"));

        var again = await project.BuildAsync();

        again.ShouldSucceed();
        again.Log.TargetSkipped("ExportLayers", TargetSkipReason.OutputsUpToDate).ShouldBeTrue();
        again.Log.Tree.FindChildrenRecursive<LoggedTask>(t => t.Name is "LockLayers" or "BuildLayers" or "ExportLayers").ShouldBeEmpty();

        project.WithSpec(scenario.Spec()[..scenario.Spec().IndexOf("[[applications]]\nname = \"two\"", StringComparison.Ordinal)]
            + scenario.Spec()[scenario.Spec().IndexOf("[[tool.uv.index]]", StringComparison.Ordinal)..]);
        var removed = await project.BuildAsync();

        removed.ShouldSucceed();
        Directory.Exists(Path.Combine(bin, "app-two")).ShouldBeFalse();
        File.Exists(Path.Combine(bin, "__venvstacks__", "env_metadata", "app-two.json")).ShouldBeFalse();
        (await ExternalProcess.RunAsync(Path.Combine(bin, "app-one", "bin", "python"), ["-m", "app_one"], null, project.RootDirectory)).EnsureSuccess("app one after the removal");
    });
}
