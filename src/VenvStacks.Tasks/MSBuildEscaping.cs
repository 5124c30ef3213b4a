using System.Buffers;
using System.Text;

namespace VenvStacks.Tasks;

/// <summary>
/// MSBuild stores item specs and metadata escaped (<c>%XX</c>); values taken from a spec (names with <c>@</c>, paths
/// with <c>%</c>, <c>;</c> or <c>$</c>) must be escaped to reach targets unchanged.
/// </summary>
internal static class MSBuildEscaping
{
    private static readonly SearchValues<char> SpecialCharacters = SearchValues.Create("%*?@$();'");

    /// <summary>The escaped form of one value.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(SpecialCharacters) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (SpecialCharacters.Contains(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>A list as one metadata value: each value escaped, joined with <c>;</c> so targets can split it into items.</summary>
    public static string EscapeList(IEnumerable<string> values) => string.Join(";", values.Select(Escape));
}
