using System.Globalization;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.VenvstacksTargets;

/// <summary>
/// A layer's macOS deployment target (venvstacks' <c>macosx_target</c>): the oldest macOS release the deployed layer
/// must run on, e.g. 13.0, which accepts <c>macosx_13_0</c> and older wheels.
/// </summary>
/// <param name="Major">The macOS major version (13 for Ventura).</param>
/// <param name="Minor">The macOS minor version.</param>
public sealed record MacOSTarget(int Major, int Minor)
{
    /// <summary>venvstacks' default when <c>MACOSX_DEPLOYMENT_TARGET</c> is not set: <c>13.0</c>.</summary>
    public const string DefaultText = "13.0";

    /// <summary>The default target, macOS 13.0.</summary>
    public static MacOSTarget Default { get; } = new(13, 0);

    /// <summary>
    /// Parses a <c>macosx_target</c> value as venvstacks does: <c>"14"</c> is 14.0, <c>"10.15"</c> is 10.15, and any
    /// further components are ignored (<c>"14.2.1"</c> is 14.2).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The target.</returns>
    /// <exception cref="PackagingFormatException">
    /// The major or minor part is not an integer; the message is Python's
    /// (<c>invalid literal for int() with base 10: 'x'</c>), which venvstacks reports.
    /// </exception>
    public static MacOSTarget Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // venvstacks appends ".0" so that a bare major version gets a minor of 0.
        var padded = value + ".0";
        var firstDot = padded.IndexOf('.', StringComparison.Ordinal);
        var secondDot = padded.IndexOf('.', firstDot + 1);
        var majorText = padded[..firstDot];
        var minorText = padded[(firstDot + 1)..(secondDot < 0 ? padded.Length : secondDot)];
        var major = ParseNumber(value, majorText, 0);
        var minor = ParseNumber(value, minorText, Math.Min(firstDot + 1, value.Length));
        return new MacOSTarget(major, minor);
    }

    /// <summary>Whether a wheel built for macOS <paramref name="major"/>.<paramref name="minor"/> runs on this target.</summary>
    /// <param name="major">The wheel's macOS major version.</param>
    /// <param name="minor">The wheel's macOS minor version.</param>
    /// <returns>True when the wheel's minimum macOS is not newer than the target.</returns>
    public bool Accepts(int major, int minor) => (major, minor).CompareTo((Major, Minor)) <= 0;

    /// <summary>The version as <c>MACOSX_DEPLOYMENT_TARGET</c> expects it, e.g. <c>13.0</c>.</summary>
    /// <returns>The version text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    private static int ParseNumber(string input, string text, int position)
    {
        if (text.Length > 0
            && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw new PackagingFormatException(
            $"invalid literal for int() with base 10: {PythonText.Repr(text)}", input, position, Math.Min(text.Length, input.Length - position));
    }
}
