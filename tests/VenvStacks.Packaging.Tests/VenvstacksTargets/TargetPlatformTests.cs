using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

public sealed class TargetPlatformTests
{
    [Fact]
    public void Unknown_names_are_rejected_listing_the_valid_ones()
    {
        var error = Should.Throw<PackagingFormatException>(() => TargetPlatform.Parse("win32_x86_64"));

        error.Message.ShouldBe(
            "Invalid target platform 'win32_x86_64' (expected one of ['linux_aarch64', 'linux_x86_64', 'macosx_arm64', 'macosx_x86_64', 'win_amd64', 'win_arm64'])");
        error.Length.ShouldBe(12);
        TargetPlatform.TryParse("Linux_x86_64", out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_returns_the_single_instance_of_each_platform()
    {
        TargetPlatform.Parse("macosx_arm64").ShouldBeSameAs(TargetPlatform.MacOSArm64);
        TargetPlatform.All.Distinct().Count().ShouldBe(6);
    }

    [Theory]
    [InlineData("linux_x86_64", "glibc@2.28", "x86_64-manylinux_2_28")]
    [InlineData("linux_aarch64", "glibc@2.35", "aarch64-manylinux_2_35")]
    [InlineData("macosx_arm64", "glibc@2.35", "aarch64-apple-darwin")]
    [InlineData("macosx_x86_64", "glibc@2.28", "x86_64-apple-darwin")]
    [InlineData("win_amd64", "glibc@2.28", "x86_64-pc-windows-msvc")]
    [InlineData("win_arm64", "glibc@2.28", "aarch64-pc-windows-msvc")]
    public void Uv_python_platform_uses_uv_architecture_names_and_the_layers_linux_target(string platform, string linuxTarget, string expected)
    {
        TargetPlatform.Parse(platform).ToUvPythonPlatform(LinuxTarget.Parse(linuxTarget)).ShouldBe(expected);
    }

    [Fact]
    public void Platform_tags_are_bounded_by_the_layer_targets()
    {
        var linux = TargetPlatform.LinuxAarch64.PlatformTags(LinuxTarget.Parse("glibc@2.31"), MacOSTarget.Default);
        var macOS = TargetPlatform.MacOSX64.PlatformTags(LinuxTarget.Default, MacOSTarget.Parse("11"));
        var windows = TargetPlatform.WinArm64.PlatformTags(LinuxTarget.Default, MacOSTarget.Default);

        linux.Take(2).ShouldBe(["linux_aarch64", "manylinux_2_31_aarch64"]);
        macOS[0].ShouldBe("macosx_11_0_x86_64");
        windows.ShouldBe(["win_arm64"]);
    }

    [Theory]
    [InlineData("linux_x86_64", "posix", "linux", "Linux", "x86_64")]
    [InlineData("linux_aarch64", "posix", "linux", "Linux", "aarch64")]
    [InlineData("macosx_arm64", "posix", "darwin", "Darwin", "arm64")]
    [InlineData("macosx_x86_64", "posix", "darwin", "Darwin", "x86_64")]
    [InlineData("win_amd64", "nt", "win32", "Windows", "AMD64")]
    [InlineData("win_arm64", "nt", "win32", "Windows", "ARM64")]
    public void Platform_marker_values_are_what_python_reports_there(string platform, string osName, string sysPlatform, string system, string machine)
    {
        var target = TargetPlatform.Parse(platform);

        target.OsName.ShouldBe(osName);
        target.SysPlatform.ShouldBe(sysPlatform);
        target.PlatformSystem.ShouldBe(system);
        target.PlatformMachine.ShouldBe(machine);
    }

    [Fact]
    public void Marker_environment_holds_the_eight_emulated_variables()
    {
        var environment = TargetPlatform.WinArm64.GetMarkerEnvironment(PythonImplementation.Parse("cpython@3.12.9"));

        environment.Count.ShouldBe(8);
        environment["platform_machine"].ShouldBe("ARM64");
        environment["python_version"].ShouldBe("3.12");
        environment["python_full_version"].ShouldBe("3.12.9");
        environment.ContainsKey("platform_release").ShouldBeFalse();
    }

    [Fact]
    public void Marker_environment_evaluates_lock_markers()
    {
        var environment = TargetPlatform.LinuxAarch64.GetMarkerEnvironment(PythonImplementation.Parse("cpython@3.11.11"));

        Marker.Parse("sys_platform == 'linux' and platform_machine == 'aarch64' and python_version >= '3.11'")
            .Evaluate(environment).ShouldBeTrue();
    }

    [Fact]
    public void CPython_supported_tags_use_the_layer_targets()
    {
        var tags = TargetPlatform.LinuxX64.GetSupportedTags(PythonImplementation.Parse("cpython@3.12.9"), LinuxTarget.Parse("glibc@2.17"), MacOSTarget.Default);

        tags[0].ToString().ShouldBe("cp312-cp312-linux_x86_64");
        tags.ShouldContain(new Tag("cp312", "cp312", "manylinux2014_x86_64"));
        tags.ShouldNotContain(new Tag("cp312", "cp312", "manylinux_2_18_x86_64"));
    }

    [Fact]
    public void PyPy_supported_tags_use_the_pypy_interpreter_and_abi()
    {
        var tags = TargetPlatform.WinAmd64.GetSupportedTags(PythonImplementation.Parse("pypy@3.11.13"), LinuxTarget.Default, MacOSTarget.Default);

        tags.Take(2).Select(t => t.ToString()).ShouldBe(["pp311-pypy311_pp73-win_amd64", "pp311-none-win_amd64"]);
        tags.ShouldNotContain(t => t.Abi == "abi3");
    }
}
