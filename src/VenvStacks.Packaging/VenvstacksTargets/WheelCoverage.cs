using System.Globalization;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.VenvstacksTargets;

/// <summary>
/// venvstacks' wheel-availability check after locking (behaviour §2.6 step 5): do a package's wheels cover each target
/// platform the package applies to? Only platform tags are compared; the resolver has already matched Python version,
/// implementation and ABI. A pure-Python (<c>any</c>) wheel covers every platform; a platform-named wheel
/// (<c>linux_x86_64</c>, <c>win_amd64</c>) covers its platform; on Linux a <c>manylinux_X_Y_&lt;arch&gt;</c> wheel
/// (<c>manylinux2014</c> counts as 2.17) covers the platform when X.Y is not newer than the layer's Linux target;
/// on macOS a <c>macosx_X_Y_&lt;arch&gt;</c> or <c>macosx_X_Y_universal2</c> wheel covers it when X.Y is not newer
/// than the layer's macOS target. As in venvstacks, <c>manylinux1</c>, <c>manylinux2010</c>, <c>musllinux</c> and the
/// older macOS fat formats do not count.
/// </summary>
public static class WheelCoverage
{
    /// <summary>The set of platform tags of the given wheels (e.g. <c>any</c>, <c>manylinux_2_17_x86_64</c>).</summary>
    /// <param name="wheels">The wheels' parsed file names.</param>
    /// <returns>The distinct platform tags, lower-cased.</returns>
    public static IReadOnlySet<string> PlatformTagsOf(IEnumerable<WheelFileName> wheels)
    {
        ArgumentNullException.ThrowIfNull(wheels);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wheel in wheels)
        {
            tags.UnionWith(wheel.Tags.Platforms);
        }

        return tags;
    }

    /// <summary>The set of platform tags of the given wheel file names.</summary>
    /// <param name="wheelFileNames">The wheel file names.</param>
    /// <returns>The distinct platform tags, lower-cased.</returns>
    /// <exception cref="PackagingFormatException">A name is not a valid wheel file name.</exception>
    public static IReadOnlySet<string> PlatformTagsOf(IEnumerable<string> wheelFileNames)
    {
        ArgumentNullException.ThrowIfNull(wheelFileNames);
        return PlatformTagsOf(wheelFileNames.Select(name => WheelFileName.Parse(name)));
    }

    /// <summary>The target platforms that none of the wheels covers, sorted by name (empty when all are covered).</summary>
    /// <param name="targets">The platforms the package must be installable on.</param>
    /// <param name="wheels">The package's wheels.</param>
    /// <param name="linuxTarget">The layer's Linux target (newest manylinux accepted).</param>
    /// <param name="macOSTarget">The layer's macOS target (newest macOS version accepted).</param>
    /// <returns>The uncovered platforms.</returns>
    public static IReadOnlyList<TargetPlatform> MissingPlatforms(
        IEnumerable<TargetPlatform> targets, IEnumerable<WheelFileName> wheels, LinuxTarget linuxTarget, MacOSTarget macOSTarget)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(linuxTarget);
        ArgumentNullException.ThrowIfNull(macOSTarget);
        var platformTags = PlatformTagsOf(wheels);
        var wanted = targets.ToHashSet();
        return TargetPlatform.All
            .Where(target => wanted.Contains(target) && !Covers(target, platformTags, linuxTarget, macOSTarget))
            .ToList();
    }

    /// <summary>The target platforms that none of the wheel file names covers, sorted by name.</summary>
    /// <param name="targets">The platforms the package must be installable on.</param>
    /// <param name="wheelFileNames">The package's wheel file names.</param>
    /// <param name="linuxTarget">The layer's Linux target.</param>
    /// <param name="macOSTarget">The layer's macOS target.</param>
    /// <returns>The uncovered platforms.</returns>
    /// <exception cref="PackagingFormatException">A name is not a valid wheel file name.</exception>
    public static IReadOnlyList<TargetPlatform> MissingPlatforms(
        IEnumerable<TargetPlatform> targets, IEnumerable<string> wheelFileNames, LinuxTarget linuxTarget, MacOSTarget macOSTarget)
    {
        ArgumentNullException.ThrowIfNull(wheelFileNames);
        return MissingPlatforms(targets, wheelFileNames.Select(name => WheelFileName.Parse(name)).ToList(), linuxTarget, macOSTarget);
    }

    /// <summary>Whether a set of wheel platform tags covers one target platform under the layer's targets.</summary>
    /// <param name="target">The target platform.</param>
    /// <param name="platformTags">The platform tags of the available wheels (lower-case).</param>
    /// <param name="linuxTarget">The layer's Linux target.</param>
    /// <param name="macOSTarget">The layer's macOS target.</param>
    /// <returns>True when some wheel can be installed on the target.</returns>
    public static bool Covers(TargetPlatform target, IReadOnlySet<string> platformTags, LinuxTarget linuxTarget, MacOSTarget macOSTarget)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(platformTags);
        ArgumentNullException.ThrowIfNull(linuxTarget);
        ArgumentNullException.ThrowIfNull(macOSTarget);

        // Exact names are accepted even on Linux and macOS, so naive local builds without version details still count.
        if (platformTags.Contains("any") || platformTags.Contains(target.Name))
        {
            return true;
        }

        return target.OperatingSystem switch
        {
            TargetOperatingSystem.Linux => platformTags.Any(tag =>
                TryReadManylinux(tag, linuxTarget.WheelTagFamily, out var version, out var arch)
                && arch == target.Architecture
                && linuxTarget.Accepts(version.Major, version.Minor)),
            TargetOperatingSystem.MacOS => platformTags.Any(tag =>
                TryReadVersioned(tag, "macosx_", out var version, out var arch)
                && (arch == target.Architecture || arch == "universal2")
                && macOSTarget.Accepts(version.Major, version.Minor)),

            // Windows wheels carry no version bound: only the exact platform tag counts.
            _ => false,
        };
    }

    // manylinux_2_17_x86_64 -> (2, 17), x86_64; the legacy manylinux2014_<arch> is the 2.17 baseline.
    private static bool TryReadManylinux(string tag, string family, out (int Major, int Minor) version, out string arch)
    {
        const string Manylinux2014 = "manylinux2014_";
        if (family == "manylinux" && tag.StartsWith(Manylinux2014, StringComparison.Ordinal))
        {
            version = (2, 17);
            arch = tag[Manylinux2014.Length..];
            return arch.Length > 0;
        }

        return TryReadVersioned(tag, family + "_", out version, out arch);
    }

    // <prefix>X_Y_<arch> -> (X, Y), arch.
    private static bool TryReadVersioned(string tag, string prefix, out (int Major, int Minor) version, out string arch)
    {
        version = default;
        arch = string.Empty;
        if (!tag.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = tag.AsSpan(prefix.Length);
        if (!TryReadNumber(ref rest, out var major) || !TryReadNumber(ref rest, out var minor) || rest.IsEmpty)
        {
            return false;
        }

        version = (major, minor);
        arch = rest.ToString();
        return true;
    }

    // Reads "<digits>_" from the front of text.
    private static bool TryReadNumber(ref ReadOnlySpan<char> text, out int number)
    {
        number = 0;
        var underscore = text.IndexOf('_');
        if (underscore <= 0
            || text[..underscore].IndexOfAnyExceptInRange('0', '9') >= 0
            || !int.TryParse(text[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        text = text[(underscore + 1)..];
        return true;
    }
}
