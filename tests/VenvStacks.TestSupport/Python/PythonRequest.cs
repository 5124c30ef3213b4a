using System.Globalization;

namespace VenvStacks.TestSupport.Python;

/// <summary>Which CPython a test needs: one minor version (<c>3.12</c>), or a minimum (<c>3.11</c> or newer).</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="OrNewer">Whether any newer minor version also does.</param>
public sealed record PythonRequest(int Major, int Minor, bool OrNewer)
{
    /// <summary>The default request: CPython 3.11 or newer (what the SDK supports as a build host).</summary>
    public static PythonRequest Any { get; } = new(3, 11, OrNewer: true);

    /// <summary>CPython 3.11.</summary>
    public static PythonRequest Python311 { get; } = new(3, 11, OrNewer: false);

    /// <summary>CPython 3.12.</summary>
    public static PythonRequest Python312 { get; } = new(3, 12, OrNewer: false);

    /// <summary>The newest minor version PATH is searched for under an <see cref="OrNewer"/> request.</summary>
    internal const int NewestKnownMinor = 14;

    /// <summary><c>any</c> (or empty) for <see cref="Any"/>, <c>X.Y</c> for one minor version, <c>X.Y+</c> for a
    /// minimum.</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static PythonRequest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return Any;
        }

        var orNewer = trimmed.EndsWith('+');
        var parts = trimmed.TrimEnd('+').Split('.');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return new PythonRequest(major, minor, orNewer);
        }

        throw new FormatException($"'{text}' is not a Python request (expected 'any', 'X.Y' or 'X.Y+').");
    }

    /// <summary>Whether an interpreter of <paramref name="major"/>.<paramref name="minor"/> satisfies the request.</summary>
    public bool Accepts(int major, int minor) =>
        major == Major && (OrNewer ? minor >= Minor : minor == Minor);

    /// <inheritdoc />
    public override string ToString() => OrNewer ? $"{Major}.{Minor} or newer" : $"{Major}.{Minor}";
}
