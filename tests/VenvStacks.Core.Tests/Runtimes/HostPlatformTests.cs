using System.Runtime.InteropServices;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Runtimes;

public class HostPlatformTests
{
    public static TheoryData<string, Architecture, string, string?> Hosts => new()
    {
        { "LINUX", Architecture.X64, "linux-x64", "linux_x86_64" },
        { "LINUX", Architecture.Arm64, "linux-arm64", "linux_aarch64" },
        { "LINUX", Architecture.X64, "linux-musl-x64", null },
        { "LINUX", Architecture.X86, "linux-x86", null },
        { "OSX", Architecture.Arm64, "osx-arm64", "macosx_arm64" },
        { "OSX", Architecture.X64, "osx-x64", "macosx_x86_64" },
        { "WINDOWS", Architecture.X64, "win-x64", "win_amd64" },
        { "WINDOWS", Architecture.Arm64, "win-x64", "win_arm64" },
        { "WINDOWS", Architecture.X86, "win-x86", null },
        { "FREEBSD", Architecture.X64, "freebsd-x64", null },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Hosts_map_to_their_venvstacks_platform(string os, Architecture architecture, string rid, string? expected)
    {
        (HostPlatform.FromHost(OSPlatform.Create(os), architecture, rid)?.Name).ShouldBe(expected);
    }

    [Fact]
    public void The_running_host_is_one_of_the_six_with_its_os_family()
    {
        var current = HostPlatform.Current();

        TargetPlatform.All.ShouldContain(current);
        current.OperatingSystem.ShouldBe(
            OperatingSystem.IsWindows() ? TargetOperatingSystem.Windows : OperatingSystem.IsMacOS() ? TargetOperatingSystem.MacOS : TargetOperatingSystem.Linux);
    }
}
