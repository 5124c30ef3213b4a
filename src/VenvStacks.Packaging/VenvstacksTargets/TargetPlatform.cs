using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.VenvstacksTargets;

/// <summary>
/// One of the six deployment platforms a venvstacks layer can target, named like a PEP 425 platform tag without
/// OS version details: <c>win_amd64</c>, <c>win_arm64</c>, <c>linux_x86_64</c>, <c>linux_aarch64</c>,
/// <c>macosx_arm64</c>, <c>macosx_x86_64</c>. The six instances are the only ones; compare them by reference or name.
/// </summary>
public sealed class TargetPlatform
{
    private TargetPlatform(string name, TargetOperatingSystem operatingSystem, string architecture, string platformMachine)
    {
        Name = name;
        OperatingSystem = operatingSystem;
        Architecture = architecture;
        PlatformMachine = platformMachine;
    }

    /// <summary>64-bit Windows on x86-64.</summary>
    public static TargetPlatform WinAmd64 { get; } = new("win_amd64", TargetOperatingSystem.Windows, "amd64", "AMD64");

    /// <summary>
    /// 64-bit Windows on ARM. Its <c>platform_machine</c> is <c>ARM64</c>, which is what CPython reports there
    /// (venvstacks 0.8.0 uses <c>arm64</c>; see docs/conformance.md).
    /// </summary>
    public static TargetPlatform WinArm64 { get; } = new("win_arm64", TargetOperatingSystem.Windows, "arm64", "ARM64");

    /// <summary>Linux (glibc) on x86-64.</summary>
    public static TargetPlatform LinuxX64 { get; } = new("linux_x86_64", TargetOperatingSystem.Linux, "x86_64", "x86_64");

    /// <summary>Linux (glibc) on 64-bit ARM.</summary>
    public static TargetPlatform LinuxAarch64 { get; } = new("linux_aarch64", TargetOperatingSystem.Linux, "aarch64", "aarch64");

    /// <summary>macOS on Apple silicon.</summary>
    public static TargetPlatform MacOSArm64 { get; } = new("macosx_arm64", TargetOperatingSystem.MacOS, "arm64", "arm64");

    /// <summary>macOS on Intel.</summary>
    public static TargetPlatform MacOSX64 { get; } = new("macosx_x86_64", TargetOperatingSystem.MacOS, "x86_64", "x86_64");

    /// <summary>All six platforms sorted by name, the order venvstacks lists them in (and in its error messages).</summary>
    public static IReadOnlyList<TargetPlatform> All { get; } =
        [LinuxAarch64, LinuxX64, MacOSArm64, MacOSX64, WinAmd64, WinArm64];

    /// <summary>The platforms a runtime layer targets when it does not list any, in venvstacks' order.</summary>
    public static IReadOnlyList<TargetPlatform> Defaults { get; } =
        [LinuxX64, LinuxAarch64, MacOSArm64, MacOSX64, WinAmd64, WinArm64];

    /// <summary>The platform name, e.g. <c>linux_x86_64</c>.</summary>
    public string Name { get; }

    /// <summary>The operating-system family.</summary>
    public TargetOperatingSystem OperatingSystem { get; }

    /// <summary>The CPU architecture as written in the name: <c>amd64</c>, <c>arm64</c>, <c>x86_64</c> or <c>aarch64</c>.</summary>
    public string Architecture { get; }

    /// <summary>The <c>platform_machine</c> marker value a Python interpreter reports on this platform.</summary>
    public string PlatformMachine { get; }

    /// <summary>The <c>os_name</c> marker value: <c>nt</c> on Windows, <c>posix</c> elsewhere.</summary>
    public string OsName => OperatingSystem == TargetOperatingSystem.Windows ? "nt" : "posix";

    /// <summary>The <c>sys_platform</c> marker value: <c>win32</c>, <c>linux</c> or <c>darwin</c>.</summary>
    public string SysPlatform => OperatingSystem switch
    {
        TargetOperatingSystem.Windows => "win32",
        TargetOperatingSystem.Linux => "linux",
        _ => "darwin",
    };

    /// <summary>The <c>platform_system</c> marker value: <c>Windows</c>, <c>Linux</c> or <c>Darwin</c>.</summary>
    public string PlatformSystem => OperatingSystem switch
    {
        TargetOperatingSystem.Windows => "Windows",
        TargetOperatingSystem.Linux => "Linux",
        _ => "Darwin",
    };

    /// <summary>Looks up a platform by its name (exact, as in <c>venvstacks.toml</c>).</summary>
    /// <param name="name">The platform name, e.g. <c>win_amd64</c>.</param>
    /// <returns>The platform.</returns>
    /// <exception cref="PackagingFormatException">The name is not one of the six platforms.</exception>
    public static TargetPlatform Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryParse(name, out var platform))
        {
            return platform;
        }

        var expected = "[" + string.Join(", ", All.Select(p => PythonText.Repr(p.Name))) + "]";
        throw new PackagingFormatException(
            $"Invalid target platform {PythonText.Repr(name)} (expected one of {expected})", name, 0, name.Length);
    }

    /// <summary>Looks up a platform by its name, returning false for unknown names.</summary>
    /// <param name="name">The platform name.</param>
    /// <param name="platform">The platform, or null.</param>
    /// <returns>Whether the name is one of the six platforms.</returns>
    public static bool TryParse(string? name, [NotNullWhen(true)] out TargetPlatform? platform)
    {
        platform = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return platform is not null;
    }

    /// <summary>
    /// The target as uv's <c>--python-platform</c> names it: <c>x86_64-manylinux_2_28</c> (Linux, from the layer's
    /// <paramref name="linuxTarget"/>), <c>aarch64-apple-darwin</c>, <c>x86_64-pc-windows-msvc</c>, ...
    /// </summary>
    /// <param name="linuxTarget">The layer's Linux target; only used for Linux platforms.</param>
    /// <returns>The uv platform string.</returns>
    public string ToUvPythonPlatform(LinuxTarget linuxTarget)
    {
        ArgumentNullException.ThrowIfNull(linuxTarget);
        var arch = Architecture switch
        {
            "arm64" => "aarch64",
            "amd64" => "x86_64",
            _ => Architecture,
        };
        return OperatingSystem switch
        {
            TargetOperatingSystem.Linux => arch + "-" + linuxTarget.Name,
            TargetOperatingSystem.MacOS => arch + "-apple-darwin",
            _ => arch + "-pc-windows-msvc",
        };
    }

    /// <summary>
    /// The platform tags an interpreter deployed here accepts, most preferred first, bounded by the layer's targets:
    /// Linux accepts <c>manylinux</c> up to <paramref name="linuxTarget"/>, macOS accepts <c>macosx</c> tags up to
    /// <paramref name="macOSTarget"/>, Windows accepts its one tag.
    /// </summary>
    /// <param name="linuxTarget">The layer's Linux target (ignored on other platforms).</param>
    /// <param name="macOSTarget">The layer's macOS target (ignored on other platforms).</param>
    /// <returns>The ordered platform tags.</returns>
    public IReadOnlyList<string> PlatformTags(LinuxTarget linuxTarget, MacOSTarget macOSTarget)
    {
        ArgumentNullException.ThrowIfNull(linuxTarget);
        ArgumentNullException.ThrowIfNull(macOSTarget);
        return OperatingSystem switch
        {
            TargetOperatingSystem.Linux => Platforms.PlatformTags.ForLinux(Architecture, (linuxTarget.Major, linuxTarget.Minor)),
            TargetOperatingSystem.MacOS => Platforms.PlatformTags.ForMacOS(macOSTarget.Major, macOSTarget.Minor, Architecture),
            _ => Platforms.PlatformTags.ForWindows(Architecture),
        };
    }

    /// <summary>
    /// The marker environment venvstacks evaluates lock markers with for this platform: exactly
    /// <c>implementation_name</c>, <c>platform_python_implementation</c>, <c>python_version</c>,
    /// <c>python_full_version</c>, <c>os_name</c>, <c>sys_platform</c>, <c>platform_system</c> and
    /// <c>platform_machine</c>. Variables that depend on the machine or OS build (<c>platform_release</c>,
    /// <c>platform_version</c>, <c>implementation_version</c>) are not emulated, so markers using them fail to
    /// evaluate instead of silently guessing.
    /// </summary>
    /// <param name="implementation">The runtime's implementation and full version.</param>
    /// <returns>The eight-variable environment.</returns>
    public MarkerEnvironment GetMarkerEnvironment(PythonImplementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return new MarkerEnvironment(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["implementation_name"] = implementation.Name,
            ["platform_python_implementation"] = implementation.PlatformPythonImplementation,
            ["python_version"] = implementation.MajorMinor,
            ["python_full_version"] = implementation.Version,
            ["os_name"] = OsName,
            ["sys_platform"] = SysPlatform,
            ["platform_system"] = PlatformSystem,
            ["platform_machine"] = PlatformMachine,
        });
    }

    /// <summary>
    /// The tags a runtime deployed on this platform accepts, most preferred first: for CPython X.Y the
    /// <see cref="SupportedTags.ForCPython"/> order with ABI <c>cpXY</c>; for PyPy the generic order with interpreter
    /// <c>ppXY</c> and ABI <c>pypyXY_pp73</c> (the ABI of every PyPy 7.3 release). Platform tags come from
    /// <see cref="PlatformTags(LinuxTarget, MacOSTarget)"/>.
    /// </summary>
    /// <param name="implementation">The runtime's implementation and version.</param>
    /// <param name="linuxTarget">The layer's Linux target (ignored on other platforms).</param>
    /// <param name="macOSTarget">The layer's macOS target (ignored on other platforms).</param>
    /// <returns>The ordered supported tags.</returns>
    public SupportedTags GetSupportedTags(PythonImplementation implementation, LinuxTarget linuxTarget, MacOSTarget macOSTarget)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var platformTags = PlatformTags(linuxTarget, macOSTarget);
        var (major, minor) = (implementation.Major, implementation.Minor);
        var nodot = string.Create(CultureInfo.InvariantCulture, $"{major}{minor}");
        return implementation.IsCPython
            ? Pep425.SupportedTags.ForCPython(major, minor, ["cp" + nodot], platformTags)
            : Pep425.SupportedTags.ForInterpreter("pp" + nodot, major, minor, [$"pypy{nodot}_pp73"], platformTags);
    }

    /// <summary>The platform name, e.g. <c>linux_x86_64</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
