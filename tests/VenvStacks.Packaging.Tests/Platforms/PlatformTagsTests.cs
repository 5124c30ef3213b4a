using VenvStacks.Packaging.Platforms;

namespace VenvStacks.Packaging.Tests.Platforms;

public sealed class PlatformTagsTests
{
    [Fact]
    public void Linux_lists_the_plain_tag_then_manylinux_from_the_glibc_maximum_down_to_2_5_on_x86_64()
    {
        var tags = PlatformTags.ForLinux("x86_64", (2, 28));

        tags.Count.ShouldBe(28);
        tags.Take(3).ShouldBe(["linux_x86_64", "manylinux_2_28_x86_64", "manylinux_2_27_x86_64"]);
        tags.TakeLast(3).ShouldBe(["manylinux_2_6_x86_64", "manylinux_2_5_x86_64", "manylinux1_x86_64"]);
    }

    [Fact]
    public void Legacy_manylinux_names_follow_their_glibc_baseline()
    {
        var tags = PlatformTags.ForLinux("x86_64", (2, 28)).ToList();

        tags[tags.IndexOf("manylinux_2_17_x86_64") + 1].ShouldBe("manylinux2014_x86_64");
        tags[tags.IndexOf("manylinux_2_12_x86_64") + 1].ShouldBe("manylinux2010_x86_64");
        tags[tags.IndexOf("manylinux_2_5_x86_64") + 1].ShouldBe("manylinux1_x86_64");
    }

    [Fact]
    public void Other_architectures_stop_at_glibc_2_17()
    {
        var tags = PlatformTags.ForLinux("aarch64", (2, 28));

        tags.Count.ShouldBe(14);
        tags.TakeLast(2).ShouldBe(["manylinux_2_17_aarch64", "manylinux2014_aarch64"]);
    }

    [Fact]
    public void A_glibc_older_than_the_oldest_baseline_leaves_only_the_plain_linux_tag()
    {
        PlatformTags.ForLinux("aarch64", (2, 12)).ShouldBe(["linux_aarch64"]);
    }

    [Fact]
    public void Musl_lists_musllinux_from_its_version_down_to_minor_zero()
    {
        PlatformTags.ForLinux("x86_64", null, (1, 2)).ShouldBe(
            ["linux_x86_64", "musllinux_1_2_x86_64", "musllinux_1_1_x86_64", "musllinux_1_0_x86_64"]);
    }

    [Fact]
    public void A_newer_glibc_major_also_accepts_every_2_x_baseline()
    {
        var tags = PlatformTags.ForLinux("aarch64", (3, 1));

        tags.Take(4).ShouldBe(["linux_aarch64", "manylinux_3_1_aarch64", "manylinux_3_0_aarch64", "manylinux_2_50_aarch64"]);
        tags[^1].ShouldBe("manylinux2014_aarch64");
    }

    [Fact]
    public void MacOS_arm64_accepts_arm64_and_universal2_then_universal2_back_to_10_4()
    {
        var tags = PlatformTags.ForMacOS(13, 0, "arm64");

        tags.Count.ShouldBe(19);
        tags.Take(6).ShouldBe(["macosx_13_0_arm64", "macosx_13_0_universal2", "macosx_12_0_arm64", "macosx_12_0_universal2", "macosx_11_0_arm64", "macosx_11_0_universal2"]);
        tags.Skip(6).ShouldAllBe(t => t.EndsWith("_universal2", StringComparison.Ordinal));
        tags[6].ShouldBe("macosx_10_16_universal2");
        tags[^1].ShouldBe("macosx_10_4_universal2");
    }

    [Fact]
    public void MacOS_x86_64_accepts_every_intel_binary_format_per_release()
    {
        var tags = PlatformTags.ForMacOS(13, 0, "x86_64");

        tags.Count.ShouldBe(96);
        tags.Take(6).ShouldBe(["macosx_13_0_x86_64", "macosx_13_0_intel", "macosx_13_0_fat64", "macosx_13_0_fat3", "macosx_13_0_universal2", "macosx_13_0_universal"]);
    }

    [Fact]
    public void MacOS_10_x_counts_minor_versions_down_to_10_4_for_intel()
    {
        var tags = PlatformTags.ForMacOS(10, 15, "x86_64");

        tags.Count.ShouldBe(72);
        tags[0].ShouldBe("macosx_10_15_x86_64");
        tags[^1].ShouldBe("macosx_10_4_universal");
    }

    [Theory]
    [InlineData("amd64", "win_amd64")]
    [InlineData("arm64", "win_arm64")]
    [InlineData("x86", "win32")]
    public void Windows_has_a_single_platform_tag(string arch, string tag)
    {
        PlatformTags.ForWindows(arch).ShouldBe([tag]);
    }
}
