using VenvStacks.Core.Deployment;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Tests.Export;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Deployment;

/// <summary>postinstall.py on the layers of a real exported stack.</summary>
[Collection(ExportedStackCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DeployedStackTests(ExportedStackFixture fixture)
{
    private TestStack Stack => fixture.Stack;

    [TestRuntimeFact]
    public async Task The_script_writes_the_same_sitecustomize_and_pyvenv_cfg_as_the_CSharp_generators()
    {
        var runtime = fixture.LayerFolder(Stack.RuntimeName);
        foreach (var (layer, lower) in new[]
        {
            ("framework-base", new[] { runtime }),
            ("app-demo", new[] { fixture.LayerFolder("framework-base"), runtime }),
        })
        {
            var folder = fixture.LayerFolder(layer);
            var expectedSite = SiteCustomizeText.Generate(lower.Select(Stack.SitePackages), [], TargetOperatingSystem.Linux);
            var expectedCfg = PyvenvConfigText.ForDeployment(Path.Combine(runtime, "bin", "python"), Stack.Spec.Runtimes.Single().PythonImplementation.Version, TargetOperatingSystem.Linux);
            var deployed = await DeployedLayer.ReadAsync(folder, CancellationToken.None);

            File.ReadAllText(Path.Combine(Stack.SitePackages(folder), "sitecustomize.py")).ShouldBe(expectedSite);
            File.ReadAllText(Path.Combine(folder, "pyvenv.cfg")).ShouldBe(expectedCfg);
            deployed.ExpectedSiteCustomize(TargetOperatingSystem.Linux).ShouldBe(expectedSite);
            deployed.ExpectedPyvenvConfig(TargetOperatingSystem.Linux).ShouldBe(expectedCfg);
        }

        File.Exists(Path.Combine(runtime, "pyvenv.cfg")).ShouldBeFalse();
        File.Exists(Path.Combine(Stack.SitePackages(runtime), "sitecustomize.py")).ShouldBeFalse();
    }

    [TestRuntimeFact]
    public async Task Moved_layers_work_after_post_install_with_another_Python_and_a_second_run_changes_nothing()
    {
        // The test runtimes are made from CPython 3.11 and 3.12, so where this test runs a 3.12 exists.
        var python312 = TestPython.Find(PythonRequest.Python312)!;
        var moved = Path.Combine(Stack.Root, "moved-" + Guid.NewGuid().ToString("N")[..6]);
        Folders.CopyTree(fixture.Output, moved);
        var layers = Stack.Spec.Layers.Select(l => Path.Combine(moved, Stack.InstallTarget(l.BuildName))).ToList();

        foreach (var layer in layers)
        {
            var run = await PostInstallRunner.RunAsync(python312.Executable, layer, null, CancellationToken.None);
            run.Succeeded.ShouldBeTrue($"{run.Script}: {run.StandardError}");
        }

        var app = Path.Combine(moved, "app-demo");
        var framework = Path.Combine(moved, "framework-base@1");
        (await Folders.RunAsync(Path.Combine(app, "bin", "python"), "-m", "launch_app")).StandardOutput.ShouldBe($"launched 42 {app}\n");
        (await Folders.RunAsync(Path.Combine(framework, "bin", "fwtool"))).StandardOutput.ShouldBe($"fwtool 42 {framework} []\n");
        File.ReadAllText(Path.Combine(framework, "pyvenv.cfg")).ShouldContain($"executable = {Path.Combine(moved, Stack.RuntimeName, "bin", "python")}\n");
        var first = Folders.Snapshot(moved);

        foreach (var layer in layers)
        {
            (await PostInstallRunner.RunAsync(python312.Executable, layer, null, CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        Folders.Differences(first, Folders.Snapshot(moved)).ShouldBeEmpty();
        Folders.TryDelete(moved);
    }
}
