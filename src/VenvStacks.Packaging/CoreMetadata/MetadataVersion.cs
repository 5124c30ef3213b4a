using System.Globalization;

namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>The <c>Metadata-Version</c> of a core metadata file: a <c>major.minor</c> pair such as 2.1.</summary>
/// <param name="Major">The major version; this library reads major versions 1 and 2.</param>
/// <param name="Minor">The minor version.</param>
public readonly record struct MetadataVersion(int Major, int Minor) : IComparable<MetadataVersion>
{
    /// <summary>The highest major version this library understands. The core metadata specification requires tools
    /// to refuse files with a higher major version.</summary>
    public const int HighestSupportedMajor = 2;

    /// <summary>Parses <c>"major.minor"</c>.</summary>
    /// <returns>False when <paramref name="text"/> is not two dot-separated decimal numbers.</returns>
    public static bool TryParse(string? text, out MetadataVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1
            || !IsDigits(text.AsSpan(0, dot)) || !IsDigits(text.AsSpan(dot + 1))
            || !int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new MetadataVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(MetadataVersion other)
    {
        var major = Major.CompareTo(other.Major);
        return major != 0 ? major : Minor.CompareTo(other.Minor);
    }

    /// <summary>True when <paramref name="left"/> is older than <paramref name="right"/>.</summary>
    public static bool operator <(MetadataVersion left, MetadataVersion right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is newer than <paramref name="right"/>.</summary>
    public static bool operator >(MetadataVersion left, MetadataVersion right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is older than or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(MetadataVersion left, MetadataVersion right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is newer than or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(MetadataVersion left, MetadataVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The <c>major.minor</c> text.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
