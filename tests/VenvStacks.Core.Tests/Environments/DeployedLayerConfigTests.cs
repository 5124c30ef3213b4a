using VenvStacks.Core.Environments;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>venvstacks_layer.json per layer kind and OS (docs/venvstacks-reference.md §3.9).</summary>
public sealed class DeployedLayerConfigTests : IDisposable
{
    private readonly BuildFolder _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public void Posix_runtime()
    {
        var plan = BuildFolder.RuntimePlan(TargetPlatform.LinuxX64, _build.Location("cpython-3.11"));

        DeployedLayerConfig.FromPlan(plan).ToJson().ShouldBe(
            """
            {
              "base_python": "bin/python",
              "dynlib_dirs": [],
              "py_version": "3.11.13",
              "pylib_dirs": [],
              "python": "bin/python",
              "site_dir": "lib/python3.11/site-packages"
            }

            """);
    }

    [Fact]
    public void Windows_runtime()
    {
        var plan = BuildFolder.RuntimePlan(TargetPlatform.WinAmd64, _build.Location("cpython-3.11"));

        DeployedLayerConfig.FromPlan(plan).ToJson().ShouldBe(
            """
            {
              "base_python": "python.exe",
              "dynlib_dirs": [],
              "py_version": "3.11.13",
              "pylib_dirs": [],
              "python": "python.exe",
              "site_dir": "Lib\\site-packages"
            }

            """);
    }

    [Fact]
    public void Posix_application_refers_to_peers_by_install_target()
    {
        var plan = App(TargetPlatform.MacOSArm64);

        DeployedLayerConfig.FromPlan(plan).ToJson().ShouldBe(
            """
            {
              "base_python": "../cpython-3.11/bin/python",
              "dynlib_dirs": [
                "../framework-b@3/share/venv/dynlib",
                "../framework-a/share/venv/dynlib",
                "../cpython-3.11/share/venv/dynlib"
              ],
              "launch_module": "launch",
              "py_version": "3.11.13",
              "pylib_dirs": [
                "../framework-b@3/lib/python3.11/site-packages",
                "../framework-a/lib/python3.11/site-packages",
                "../cpython-3.11/lib/python3.11/site-packages"
              ],
              "python": "bin/python",
              "site_dir": "lib/python3.11/site-packages"
            }

            """);
    }

    [Fact]
    public void Windows_application_uses_backslashes_and_Library_bin()
    {
        var plan = App(TargetPlatform.WinArm64);

        DeployedLayerConfig.FromPlan(plan).ToJson().ShouldBe(
            """
            {
              "base_python": "..\\cpython-3.11\\python.exe",
              "dynlib_dirs": [
                "..\\framework-b@3\\Library\\bin",
                "..\\framework-a\\Library\\bin",
                "..\\cpython-3.11\\Library\\bin"
              ],
              "launch_module": "launch",
              "py_version": "3.11.13",
              "pylib_dirs": [
                "..\\framework-b@3\\Lib\\site-packages",
                "..\\framework-a\\Lib\\site-packages",
                "..\\cpython-3.11\\Lib\\site-packages"
              ],
              "python": "Scripts\\python.exe",
              "site_dir": "Lib\\site-packages"
            }

            """);
    }

    private LayerEnvironmentPlan App(TargetPlatform platform) =>
        BuildFolder.LayeredPlan(
            platform,
            LayerKind.Application,
            _build.Location("app-x", "app-x@7"),
            _build.Location("cpython-3.11"),
            [_build.Location("framework-b", "framework-b@3"), _build.Location("framework-a")])
        with { LaunchModule = _build.Module("launch.py") };
}
