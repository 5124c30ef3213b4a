using System.Collections.Frozen;
using System.Globalization;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.VenvstacksTargets;

/// <summary>
/// A layer's Linux portability baseline (venvstacks' <c>linux_target</c>): the libc family and the newest version
/// the deployed layer may assume, e.g. <c>glibc@2.28</c>, which selects <c>manylinux_2_28</c> and older wheels.
/// </summary>
public sealed record LinuxTarget
{
    /// <summary>The only libc variant venvstacks supports today (musl is reserved for the future).</summary>
    public const string Glibc = "glibc";

    // libc variant -> wheel platform-tag family; musl -> musllinux is planned upstream (venvstacks issue #340).
    private static readonly FrozenDictionary<string, string> WheelTagFamilies =
        new Dictionary<string, string>(StringComparer.Ordinal) { [Glibc] = "manylinux" }.ToFrozenDictionary(StringComparer.Ordinal);

    private LinuxTarget(string libcVariant, int major, int minor)
    {
        LibcVariant = libcVariant;
        Major = major;
        Minor = minor;
    }

    /// <summary>venvstacks' default target, <c>glibc@2.28</c> (manylinux_2_28).</summary>
    public static LinuxTarget Default { get; } = new(Glibc, 2, 28);

    /// <summary>The libc variant, <c>glibc</c>.</summary>
    public string LibcVariant { get; }

    /// <summary>The libc major version (2 for glibc 2.28).</summary>
    public int Major { get; }

    /// <summary>The libc minor version (28 for glibc 2.28).</summary>
    public int Minor { get; }

    /// <summary>The wheel platform-tag family of the libc variant: <c>manylinux</c> for glibc.</summary>
    public string WheelTagFamily => WheelTagFamilies[LibcVariant];

    /// <summary>The platform-tag base the target stands for, e.g. <c>manylinux_2_28</c> (no architecture suffix).</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{WheelTagFamily}_{Major}_{Minor}");

    /// <summary>Creates a glibc target of the given version.</summary>
    /// <param name="major">The glibc major version.</param>
    /// <param name="minor">The glibc minor version.</param>
    /// <returns>The target.</returns>
    public static LinuxTarget ForGlibc(int major, int minor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        return new LinuxTarget(Glibc, major, minor);
    }

    /// <summary>
    /// Parses a layer's <c>linux_target</c> value the way venvstacks does: absent or <c>glibc</c> means the default
    /// (glibc 2.28), <c>glibc@X.Y</c> means manylinux_X_Y.
    /// </summary>
    /// <param name="value">The value, or null when the layer does not set it.</param>
    /// <returns>The target.</returns>
    /// <exception cref="PackagingFormatException">
    /// An unsupported libc variant (<c>Linux libc variant must be one of ['glibc'], not 'musl'</c>) or a version that
    /// is not two integers (<c>Linux libc version must be of the form 'X.Y', not '235'</c>).
    /// </exception>
    public static LinuxTarget Parse(string? value)
    {
        if (value is null || value == Glibc)
        {
            return Default;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var variant = at < 0 ? value : value[..at];
        if (!WheelTagFamilies.ContainsKey(variant))
        {
            var expected = "[" + string.Join(", ", WheelTagFamilies.Keys.Order(StringComparer.Ordinal).Select(PythonText.Repr)) + "]";
            throw new PackagingFormatException(
                $"Linux libc variant must be one of {expected}, not {PythonText.Repr(variant)}", value, 0, variant.Length);
        }

        if (at < 0)
        {
            return Default;
        }

        var version = value[(at + 1)..];
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0
            || !TryParseNumber(version.AsSpan(0, dot), out var major)
            || !TryParseNumber(version.AsSpan(dot + 1), out var minor))
        {
            throw new PackagingFormatException(
                $"Linux libc version must be of the form 'X.Y', not {PythonText.Repr(version)}", value, at + 1, version.Length);
        }

        return new LinuxTarget(variant, major, minor);
    }

    /// <summary>Whether a wheel built for libc version <paramref name="major"/>.<paramref name="minor"/> runs on this target.</summary>
    /// <param name="major">The wheel's libc major version.</param>
    /// <param name="minor">The wheel's libc minor version.</param>
    /// <returns>True when the wheel's baseline is not newer than the target.</returns>
    public bool Accepts(int major, int minor) => (major, minor).CompareTo((Major, Minor)) <= 0;

    /// <summary>The value in <c>venvstacks.toml</c> syntax, e.g. <c>glibc@2.28</c>.</summary>
    /// <returns>The spec form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LibcVariant}@{Major}.{Minor}");

    private static bool TryParseNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        return !text.IsEmpty
            && text.IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
