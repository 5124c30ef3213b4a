using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Installing;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Installing;

public class LayerInstallRequestTests
{
    [Fact]
    public void A_request_for_a_layer_takes_its_runtime_targets_and_requirements()
    {
        var spec = new PyLock { CreatedBy = "uv" };
        var runtime = new RuntimeLayerSpec
        {
            Name = "cpython-3.12",
            PythonImplementation = PythonImplementation.Parse("cpython@3.12.7"),
            Requirements = [Requirement.Parse("Some_Package>=1")],
            LinuxTarget = LinuxTarget.Parse("glibc@2.34"),
            MacOSTarget = MacOSTarget.Parse("14"),
            Location = SourceLocation.FileOnly("venvstacks.toml"),
        };
        var scheme = InstallScheme.ForVirtualEnvironment("/layers/x", TargetOperatingSystem.Linux, 3, 12);

        var request = LayerInstallRequest.ForLayer(runtime, TargetPlatform.LinuxAarch64, spec, "/lock.toml", scheme, "/layers/x");

        request.LayerName.ShouldBe("cpython-3.12");
        request.Implementation.Version.ShouldBe("3.12.7");
        request.LinuxTarget.Minor.ShouldBe(34);
        request.MacOSTarget.Major.ShouldBe(14);
        request.Requested.ShouldBe([NormalizedName.From("some-package")]);
    }
}
