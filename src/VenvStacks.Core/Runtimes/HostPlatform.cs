using System.Runtime.InteropServices;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// The venvstacks target platform of the machine building: only its runtimes can be run as a check, and for now only
/// its layers are built (docs/venvstacks-reference.md §3.2, "only the host platform's runtime can be obtained").
/// </summary>
public static class HostPlatform
{
    /// <summary>The running machine's platform, from <see cref="RuntimeInformation"/>.</summary>
    /// <exception cref="RuntimeException">VSTK3015: the host is none of the six platforms (32-bit, another CPU,
    /// another OS, or musl Linux, for which python-build-standalone's glibc builds do not run).</exception>
    public static TargetPlatform Current() =>
        TryCurrent()
            ?? throw new RuntimeException(
                DiagnosticCodes.HostPlatformUnsupported,
                $"This machine ({RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}, {RuntimeInformation.RuntimeIdentifier}) is not one of the "
                + $"venvstacks target platforms ({string.Join(", ", TargetPlatform.All.Select(p => p.Name))}), so it cannot build runtime layers.");

    /// <summary>The running machine's platform, or null when it is none of the six (layers can never run here).</summary>
    public static TargetPlatform? TryCurrent()
    {
        var os = OperatingSystem.IsWindows() ? OSPlatform.Windows
            : OperatingSystem.IsMacOS() ? OSPlatform.OSX
            : OperatingSystem.IsLinux() ? OSPlatform.Linux
            : OSPlatform.Create(RuntimeInformation.OSDescription);
        return FromHost(os, RuntimeInformation.OSArchitecture, RuntimeInformation.RuntimeIdentifier);
    }

    /// <summary>The platform for a host description, or null when it is none of the six.</summary>
    /// <param name="os">The operating system.</param>
    /// <param name="architecture">The OS architecture (not the process's: an x64 process on Windows on ARM still
    /// runs on win_arm64).</param>
    /// <param name="runtimeIdentifier">The .NET runtime identifier, e.g. <c>linux-x64</c> or <c>linux-musl-x64</c>.</param>
    public static TargetPlatform? FromHost(OSPlatform os, Architecture architecture, string runtimeIdentifier)
    {
        ArgumentNullException.ThrowIfNull(runtimeIdentifier);
        if (os == OSPlatform.Linux)
        {
            // python-build-standalone's table has glibc builds only.
            return runtimeIdentifier.Contains("musl", StringComparison.OrdinalIgnoreCase) ? null : architecture switch
            {
                Architecture.X64 => TargetPlatform.LinuxX64,
                Architecture.Arm64 => TargetPlatform.LinuxAarch64,
                _ => null,
            };
        }

        if (os == OSPlatform.OSX)
        {
            return architecture switch
            {
                Architecture.X64 => TargetPlatform.MacOSX64,
                Architecture.Arm64 => TargetPlatform.MacOSArm64,
                _ => null,
            };
        }

        if (os == OSPlatform.Windows)
        {
            return architecture switch
            {
                Architecture.X64 => TargetPlatform.WinAmd64,
                Architecture.Arm64 => TargetPlatform.WinArm64,
                _ => null,
            };
        }

        return null;
    }
}
