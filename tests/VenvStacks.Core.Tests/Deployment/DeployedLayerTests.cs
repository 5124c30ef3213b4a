using VenvStacks.Core.Deployment;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Tests.Export;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Deployment;

/// <summary>The C# twin of postinstall.py's first step: reading and resolving venvstacks_layer.json.</summary>
public sealed class DeployedLayerTests : IDisposable
{
    private readonly string _deployment = Path.Combine(Path.GetTempPath(), "vstk-deployed-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose() => Folders.TryDelete(_deployment);

    private string Layer => Path.Combine(_deployment, "app");

    private static DeployedLayerConfig Config(string basePython = "../cpython-3.11/bin/python", params string[] pylib) => new(
        "bin/python",
        "3.11.7",
        basePython,
        "lib/python3.11/site-packages",
        pylib.Length == 0 ? ["../framework-x@2/lib/python3.11/site-packages", "../cpython-3.11/lib/python3.11/site-packages"] : [.. pylib],
        ["../framework-x@2/share/venv/dynlib", "../cpython-3.11/share/venv/dynlib"],
        "launch");

    [Fact]
    public void Paths_become_absolute_against_the_layer_folder_without_following_links()
    {
        var layer = DeployedLayer.Resolve(Layer, Config());

        layer.IsLayered.ShouldBeTrue();
        layer.Python.ShouldBe(Path.Combine(Layer, "bin", "python"));
        layer.BasePython.ShouldBe(Path.Combine(_deployment, "cpython-3.11", "bin", "python"));
        layer.PylibDirs.ShouldBe([
            Path.Combine(_deployment, "framework-x@2", "lib", "python3.11", "site-packages"),
            Path.Combine(_deployment, "cpython-3.11", "lib", "python3.11", "site-packages"),
        ]);
        layer.DeploymentPath.ShouldBe(_deployment);
    }

    [Fact]
    public void The_expected_files_are_the_environment_texts_with_deployed_paths()
    {
        var layer = DeployedLayer.Resolve(Layer, Config());

        layer.ExpectedPyvenvConfig(TargetOperatingSystem.Linux).ShouldBe(
            PyvenvConfigText.ForDeployment(Path.Combine(_deployment, "cpython-3.11", "bin", "python"), "3.11.7", TargetOperatingSystem.Linux));
        layer.ExpectedSiteCustomize(TargetOperatingSystem.Linux).ShouldBe(
            SiteCustomizeText.Generate(layer.PylibDirs, [], TargetOperatingSystem.Linux));
        DeployedLayer.Resolve(Layer, Config(basePython: "bin/python")).ExpectedSiteCustomize(TargetOperatingSystem.Linux).ShouldBeNull();
    }

    [Theory]
    [InlineData("../../elsewhere/lib", "pylib_dirs")]
    [InlineData("/usr/lib/python3.11/site-packages", "pylib_dirs")]
    [InlineData("..", "pylib_dirs")]
    public void A_path_outside_the_deployment_folder_is_refused(string pylib, string key)
    {
        var error = Should.Throw<DeploymentException>(() => DeployedLayer.Resolve(Layer, Config(pylib: pylib)));

        error.Diagnostic.Code.ShouldBe(DiagnosticCodes.InvalidDeployedLayerConfig.Code);
        error.Diagnostic.Message.ShouldContain($"'{key}' path '{pylib}'");
        error.Diagnostic.Message.ShouldContain("outside the deployment folder");
    }

    [Fact]
    public void The_layer_python_must_be_inside_the_layer_itself()
    {
        var config = Config() with { Python = "../framework-x@2/bin/python" };

        Should.Throw<DeploymentException>(() => DeployedLayer.Resolve(Layer, config))
            .Diagnostic.Message.ShouldContain("outside the layer folder");
    }

    [Fact]
    public async Task A_config_file_is_read_and_a_damaged_one_is_a_coded_error()
    {
        var path = DeployedLayer.ConfigPath(Layer);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, DeployedLayerConfig.FromPlan(PlanFor(Layer)).ToJson());

        var layer = await DeployedLayer.ReadAsync(Layer, CancellationToken.None);
        layer.Config.LaunchModule.ShouldBeNull();
        layer.SiteDir.ShouldBe(Path.Combine(Layer, "lib", "python3.11", "site-packages"));

        await File.WriteAllTextAsync(path, "{\"python\": \"bin/python\", \"pylib_dirs\": []}");
        var error = await Should.ThrowAsync<DeploymentException>(() => DeployedLayer.ReadAsync(Layer, CancellationToken.None));
        error.Diagnostic.Code.ShouldBe("VSTK4025");
        error.Diagnostic.Message.ShouldBe($"{path}: 'py_version' must be a non-empty string");
        error.Diagnostic.Location!.File.ShouldBe(path);
    }

    private LayerEnvironmentPlan PlanFor(string layerPath)
    {
        var runtime = new LayerLocation("cpython-3.11", "cpython-3.11", Path.Combine(_deployment, "cpython-3.11"));
        return new LayerEnvironmentPlan
        {
            Platform = TargetPlatform.LinuxX64,
            Python = PythonImplementation.Parse("cpython@3.11.7"),
            Kind = VenvStacks.Core.Specs.LayerKind.Framework,
            Layer = new LayerLocation("framework-app", "app", layerPath),
            Runtime = runtime,
        };
    }
}
