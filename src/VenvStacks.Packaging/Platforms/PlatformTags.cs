using System.Globalization;

namespace VenvStacks.Packaging.Platforms;

/// <summary>
/// The ordered platform-tag lists (most preferred first) that an interpreter on a given OS, CPU architecture and
/// libc / macOS version accepts, generated the way packaging's <c>platform_tags()</c> does on that machine but from
/// explicit inputs, so a lock can target any platform from any host.
/// </summary>
public static class PlatformTags
{
    // PEP 600: manylinux_2_5 (x86 only) and manylinux_2_17 (every other architecture) are the oldest baselines.
    private const int OldestGlibcMinorOnX86 = 5;
    private const int OldestGlibcMinorElsewhere = 17;

    // packaging assumes a glibc major release ends at minor 50 when counting down across a major version.
    private const int LastMinorOfEarlierGlibcMajor = 50;

    /// <summary>
    /// Linux platform tags: <c>linux_&lt;arch&gt;</c> first, then (with glibc) <c>manylinux_X_Y_&lt;arch&gt;</c> from the
    /// glibc maximum down to 2.5 on x86_64/i686 or 2.17 elsewhere, each legacy alias (<c>manylinux2014</c>,
    /// <c>manylinux2010</c>, <c>manylinux1</c>) right after 2.17, 2.12 and 2.5, then (with musl)
    /// <c>musllinux_X_Y_&lt;arch&gt;</c> from the musl version down to <c>X_0</c>.
    /// </summary>
    /// <param name="arch">The architecture as in the platform tag: <c>x86_64</c>, <c>aarch64</c>, <c>i686</c>, ...</param>
    /// <param name="glibc">The newest glibc (major, minor) the target guarantees, or null for none.</param>
    /// <param name="musl">The musl (major, minor) version of the target, or null for none.</param>
    /// <returns>The platform tags, most preferred first.</returns>
    public static IReadOnlyList<string> ForLinux(string arch, (int Major, int Minor)? glibc, (int Major, int Minor)? musl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(arch);
        var result = new List<string> { "linux_" + arch };
        if (glibc is { } glibcMax)
        {
            AddManylinux(result, arch, glibcMax);
        }

        if (musl is { } muslVersion)
        {
            for (var minor = muslVersion.Minor; minor >= 0; minor--)
            {
                result.Add(Invariant($"musllinux_{muslVersion.Major}_{minor}_{arch}"));
            }
        }

        return result;
    }

    /// <summary>
    /// macOS platform tags, identical to packaging's <c>mac_platforms((major, minor), arch)</c>: for each compatible
    /// release from the target down (macOS 11+ counts majors, 10.x counts minors), every binary format the
    /// architecture can load (<c>x86_64</c> adds <c>intel</c>, <c>fat64</c>, <c>fat3</c>, <c>universal2</c>,
    /// <c>universal</c>; <c>arm64</c> adds <c>universal2</c>); on macOS 11+ the 10.16 ... 10.4 releases follow
    /// (only <c>universal2</c> for <c>arm64</c>, whose x86_64 half may support an older macOS).
    /// </summary>
    /// <param name="major">The macOS deployment target major version.</param>
    /// <param name="minor">The macOS deployment target minor version.</param>
    /// <param name="arch">The CPU architecture: <c>arm64</c>, <c>x86_64</c> (also <c>i386</c>, <c>ppc</c>, <c>ppc64</c>).</param>
    /// <returns>The platform tags, most preferred first.</returns>
    public static IReadOnlyList<string> ForMacOS(int major, int minor, string arch)
    {
        ArgumentException.ThrowIfNullOrEmpty(arch);
        var result = new List<string>();
        var version = (major, minor);
        if (version.CompareTo((10, 0)) >= 0 && version.CompareTo((11, 0)) < 0)
        {
            // Before macOS 11 each yearly release bumped the minor version.
            for (var olderMinor = minor; olderMinor >= 0; olderMinor--)
            {
                AddMacOSRelease(result, 10, olderMinor, arch);
            }
        }

        if (version.CompareTo((11, 0)) >= 0)
        {
            // From macOS 11 on each yearly release bumps the major version; minors are mid-year updates.
            for (var olderMajor = major; olderMajor > 10; olderMajor--)
            {
                AddMacOSRelease(result, olderMajor, 0, arch);
            }

            for (var olderMinor = 16; olderMinor > 3; olderMinor--)
            {
                if (arch == "x86_64")
                {
                    AddMacOSRelease(result, 10, olderMinor, arch);
                }
                else
                {
                    // No arm64 binaries predate macOS 11, but a universal2 wheel's x86_64 half may.
                    result.Add(Invariant($"macosx_10_{olderMinor}_universal2"));
                }
            }
        }

        return result;
    }

    /// <summary>The Windows platform tag of an architecture: <c>win_amd64</c>, <c>win_arm64</c>, or <c>win32</c> for <c>x86</c>.</summary>
    /// <param name="arch">The architecture: <c>amd64</c>, <c>arm64</c> or <c>x86</c>.</param>
    /// <returns>The single platform tag Windows interpreters accept.</returns>
    public static IReadOnlyList<string> ForWindows(string arch)
    {
        ArgumentException.ThrowIfNullOrEmpty(arch);
        return [arch == "x86" ? "win32" : "win_" + arch];
    }

    /// <summary>The binary formats a macOS release can load for an architecture (packaging's <c>_mac_binary_formats</c>).</summary>
    internal static IReadOnlyList<string> MacOSBinaryFormats(int major, int minor, string arch)
    {
        var version = (major, minor);
        var formats = new List<string> { arch };
        switch (arch)
        {
            case "x86_64":
                if (version.CompareTo((10, 4)) < 0)
                {
                    return [];
                }

                formats.AddRange(["intel", "fat64", "fat3"]);
                break;
            case "i386":
                if (version.CompareTo((10, 4)) < 0)
                {
                    return [];
                }

                formats.AddRange(["intel", "fat3", "fat"]);
                break;
            case "ppc64":
                if (version.CompareTo((10, 5)) > 0 || version.CompareTo((10, 4)) < 0)
                {
                    return [];
                }

                formats.Add("fat64");
                break;
            case "ppc":
                if (version.CompareTo((10, 6)) > 0)
                {
                    return [];
                }

                formats.AddRange(["fat3", "fat"]);
                break;
        }

        if (arch is "arm64" or "x86_64")
        {
            formats.Add("universal2");
        }

        if (arch is "x86_64" or "i386" or "ppc64" or "ppc" or "intel")
        {
            formats.Add("universal");
        }

        return formats;
    }

    private static void AddMacOSRelease(List<string> result, int major, int minor, string arch)
    {
        foreach (var format in MacOSBinaryFormats(major, minor, arch))
        {
            result.Add(Invariant($"macosx_{major}_{minor}_{format}"));
        }
    }

    private static void AddManylinux(List<string> result, string arch, (int Major, int Minor) glibcMax)
    {
        var oldestMinor = arch is "x86_64" or "i686" ? OldestGlibcMinorOnX86 : OldestGlibcMinorElsewhere;

        // Compatibility holds across glibc majors, so a hypothetical glibc 3.x also accepts every 2.x baseline.
        for (var major = glibcMax.Major; major >= 2; major--)
        {
            var newestMinor = major == glibcMax.Major ? glibcMax.Minor : LastMinorOfEarlierGlibcMajor;
            var lowestMinor = major == 2 ? oldestMinor : 0;
            for (var minor = newestMinor; minor >= lowestMinor; minor--)
            {
                result.Add(Invariant($"manylinux_{major}_{minor}_{arch}"));
                if (LegacyManylinuxAlias(major, minor) is { } legacy)
                {
                    result.Add(legacy + "_" + arch);
                }
            }
        }
    }

    /// <summary>The pre-PEP 600 name of a glibc baseline: 2.17 manylinux2014, 2.12 manylinux2010, 2.5 manylinux1.</summary>
    internal static string? LegacyManylinuxAlias(int major, int minor) => (major, minor) switch
    {
        (2, 17) => "manylinux2014",
        (2, 12) => "manylinux2010",
        (2, 5) => "manylinux1",
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
