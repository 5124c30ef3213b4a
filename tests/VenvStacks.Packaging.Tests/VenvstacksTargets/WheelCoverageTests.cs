using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

public sealed class WheelCoverageTests
{
    private static IReadOnlyList<string> Missing(string[] wheels, LinuxTarget? linux = null, MacOSTarget? macOS = null) =>
        WheelCoverage.MissingPlatforms(TargetPlatform.All, wheels, linux ?? LinuxTarget.Default, macOS ?? MacOSTarget.Default)
            .Select(p => p.Name).ToList();

    [Fact]
    public void A_pure_python_wheel_covers_every_platform()
    {
        Missing(["pkg-1.0-py3-none-any.whl"]).ShouldBeEmpty();
    }

    [Fact]
    public void Missing_platforms_are_listed_in_name_order()
    {
        Missing(["pkg-1.0-cp311-cp311-win_amd64.whl"]).ShouldBe(
            ["linux_aarch64", "linux_x86_64", "macosx_arm64", "macosx_x86_64", "win_arm64"]);
    }

    [Fact]
    public void Manylinux_wheels_count_up_to_the_layers_glibc_target()
    {
        string[] wheels = ["pkg-1.0-cp311-cp311-manylinux_2_31_x86_64.whl", "pkg-1.0-cp311-cp311-manylinux_2_17_aarch64.whl"];

        Missing(wheels, LinuxTarget.Parse("glibc@2.28")).ShouldContain("linux_x86_64");
        Missing(wheels, LinuxTarget.Parse("glibc@2.31")).ShouldNotContain("linux_x86_64");
        Missing(wheels, LinuxTarget.Parse("glibc@2.17")).ShouldNotContain("linux_aarch64");
    }

    [Fact]
    public void Legacy_aliases_other_than_manylinux2014_and_musllinux_do_not_count()
    {
        Missing(["pkg-1.0-cp311-cp311-manylinux2010_x86_64.whl"]).ShouldContain("linux_x86_64");
        Missing(["pkg-1.0-cp311-cp311-manylinux1_x86_64.whl"]).ShouldContain("linux_x86_64");
        Missing(["pkg-1.0-cp311-cp311-musllinux_1_2_x86_64.whl"]).ShouldContain("linux_x86_64");
        Missing(["pkg-1.0-cp311-cp311-manylinux2014_x86_64.whl"]).ShouldNotContain("linux_x86_64");
    }

    [Fact]
    public void A_plain_platform_named_wheel_covers_its_platform()
    {
        Missing(["pkg-1.0-cp311-cp311-linux_aarch64.whl", "pkg-1.0-cp311-cp311-macosx_arm64.whl"])
            .ShouldBe(["linux_x86_64", "macosx_x86_64", "win_amd64", "win_arm64"]);
    }

    [Fact]
    public void MacOS_wheels_count_up_to_the_layers_macOS_target_and_universal2_covers_both_architectures()
    {
        string[] wheels = ["pkg-1.0-cp311-cp311-macosx_14_0_universal2.whl"];

        Missing(wheels, macOS: MacOSTarget.Parse("13")).ShouldContain("macosx_arm64");
        Missing(wheels, macOS: MacOSTarget.Parse("14")).ShouldNotContain("macosx_arm64");
        Missing(wheels, macOS: MacOSTarget.Parse("14")).ShouldNotContain("macosx_x86_64");
    }

    [Fact]
    public void Older_macOS_fat_binary_formats_do_not_count()
    {
        Missing(["pkg-1.0-cp311-cp311-macosx_10_9_intel.whl"]).ShouldContain("macosx_x86_64");
    }

    [Fact]
    public void Only_requested_targets_are_checked()
    {
        WheelCoverage.MissingPlatforms([TargetPlatform.WinArm64], ["pkg-1.0-cp311-cp311-win_amd64.whl"], LinuxTarget.Default, MacOSTarget.Default)
            .ShouldBe([TargetPlatform.WinArm64]);
    }

    [Fact]
    public void Invalid_wheel_names_are_format_errors()
    {
        Should.Throw<PackagingFormatException>(() => WheelCoverage.PlatformTagsOf(["not-a-wheel.whl"]));
    }
}
