using System.Runtime.InteropServices;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Export;

/// <summary>The venvstacks target platform this process runs on, if it is one of the six.</summary>
public static class HostPlatform
{
    /// <summary>This machine's platform, or null (e.g. FreeBSD, 32-bit) when layers can never run here.</summary>
    public static TargetPlatform? Current { get; } = Detect(RuntimeInformation.OSArchitecture);

    private static TargetPlatform? Detect(Architecture architecture)
    {
        var x64 = architecture == Architecture.X64;
        var arm64 = architecture == Architecture.Arm64;
        return (OperatingSystem.IsWindows(), OperatingSystem.IsLinux(), OperatingSystem.IsMacOS()) switch
        {
            (true, _, _) => x64 ? TargetPlatform.WinAmd64 : arm64 ? TargetPlatform.WinArm64 : null,
            (_, true, _) => x64 ? TargetPlatform.LinuxX64 : arm64 ? TargetPlatform.LinuxAarch64 : null,
            (_, _, true) => x64 ? TargetPlatform.MacOSX64 : arm64 ? TargetPlatform.MacOSArm64 : null,
            _ => null,
        };
    }
}
