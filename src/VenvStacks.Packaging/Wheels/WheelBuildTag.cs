using System.Globalization;
using System.Numerics;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// The optional build tag of a wheel file name (PEP 427), split as packaging does into the leading number and the
/// rest: <c>1000abc</c> is (1000, <c>abc</c>). Build tags order by number, then by suffix (ordinal).
/// </summary>
/// <param name="Number">The leading decimal number (leading zeros dropped: <c>007_x</c> is 7).</param>
/// <param name="Suffix">The text after the number, possibly empty.</param>
public readonly record struct WheelBuildTag(BigInteger Number, string Suffix) : IComparable<WheelBuildTag>
{
    /// <summary>Orders by number, then by suffix (ordinal), as a tuple comparison in Python does.</summary>
    /// <param name="other">The build tag to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(WheelBuildTag other)
    {
        var byNumber = Number.CompareTo(other.Number);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(Suffix, other.Suffix);
    }

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The left build tag.</param>
    /// <param name="right">The right build tag.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The left build tag.</param>
    /// <param name="right">The right build tag.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The left build tag.</param>
    /// <param name="right">The right build tag.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The left build tag.</param>
    /// <param name="right">The right build tag.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(WheelBuildTag left, WheelBuildTag right) => left.CompareTo(right) >= 0;

    /// <summary>The build tag as it is written in a file name, with the number in canonical form (<c>7_x</c>).</summary>
    /// <returns>The build tag text.</returns>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + Suffix;
}
