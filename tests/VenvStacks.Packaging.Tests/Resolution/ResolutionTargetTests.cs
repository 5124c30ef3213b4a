using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>A layer's target: venvstacks' emulated marker values and the interpreter's tags for the platform.</summary>
public sealed class ResolutionTargetTests
{
    [Fact]
    public void A_windows_target_has_windows_markers_and_tags()
    {
        var target = ResolutionTarget.ForPlatform(TargetPlatform.WinAmd64, PythonImplementation.Parse("cpython@3.12.4"));

        target.Markers["sys_platform"].ShouldBe("win32");
        target.Markers["os_name"].ShouldBe("nt");
        target.Markers["platform_system"].ShouldBe("Windows");
        target.Markers["platform_machine"].ShouldBe("AMD64");
        target.Markers["python_version"].ShouldBe("3.12");
        target.Markers["python_full_version"].ShouldBe("3.12.4");
        target.Markers["implementation_name"].ShouldBe("cpython");
        target.PythonVersion.ToString().ShouldBe("3.12.4");
        target.Tags[0].ShouldBe(Tag.Parse("cp312-cp312-win_amd64"));
        target.Tags.IsCompatible(TagSet.Parse("py3-none-any")).ShouldBeTrue();
        target.Tags.IsCompatible(TagSet.Parse("cp312-cp312-manylinux_2_17_x86_64")).ShouldBeFalse();
        target.Name.ShouldBe("cpython@3.12.4 on win_amd64");
    }

    [Fact]
    public void Linux_and_macos_targets_bound_their_platform_tags_by_the_layer_targets()
    {
        var linux = ResolutionTarget.ForPlatform(TargetPlatform.LinuxAarch64, PythonImplementation.Parse("cpython@3.11.9"), LinuxTarget.ForGlibc(2, 17));
        var mac = ResolutionTarget.ForPlatform(TargetPlatform.MacOSArm64, PythonImplementation.Parse("cpython@3.11.9"), macOSTarget: MacOSTarget.Parse("11.0"));

        linux.Tags.IsCompatible(TagSet.Parse("cp311-cp311-manylinux_2_17_aarch64")).ShouldBeTrue();
        linux.Tags.IsCompatible(TagSet.Parse("cp311-cp311-manylinux_2_28_aarch64")).ShouldBeFalse();
        linux.Markers["platform_machine"].ShouldBe("aarch64");
        mac.Tags.IsCompatible(TagSet.Parse("cp311-cp311-macosx_11_0_arm64")).ShouldBeTrue();
        mac.Tags.IsCompatible(TagSet.Parse("cp311-cp311-macosx_14_0_arm64")).ShouldBeFalse();
        mac.Markers["sys_platform"].ShouldBe("darwin");
        mac.Name.ShouldBe("cpython@3.11.9 on macosx_arm64 (macOS 11.0)");
    }
}
