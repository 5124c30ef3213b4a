using System.Globalization;

namespace VenvStacks.Packaging.Wheels;

/// <summary>The <c>Wheel-Version</c> of a wheel's WHEEL file: a <c>major.minor</c> pair such as 1.0.</summary>
/// <param name="Major">The major version. The wheel specification requires installers to refuse a higher major
/// version than they support (<see cref="Supported"/>).</param>
/// <param name="Minor">The minor version; installers should warn about a higher one than they support.</param>
public readonly record struct WheelFormatVersion(int Major, int Minor)
{
    /// <summary>The wheel format version defined by the current specification, 1.0.</summary>
    public static WheelFormatVersion Supported { get; } = new(1, 0);

    /// <summary>Parses <c>"major.minor"</c>.</summary>
    /// <returns>False when <paramref name="text"/> is not two dot-separated decimal numbers.</returns>
    public static bool TryParse(string? text, out WheelFormatVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new WheelFormatVersion(major, minor);
        return true;
    }

    /// <summary>The <c>major.minor</c> text.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
