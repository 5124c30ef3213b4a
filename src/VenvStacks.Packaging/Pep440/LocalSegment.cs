namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// One dot-separated part of a local version label. Numeric parts keep their digits (leading zeros removed) so
/// arbitrarily long numbers compare exactly: by length first, then digit by digit.
/// </summary>
internal readonly record struct LocalSegment(string Text, bool IsNumeric)
{
    /// <summary>PEP 440: alphanumeric parts sort before numeric ones; numbers compare numerically, text lexically.</summary>
    public int CompareTo(LocalSegment other)
    {
        if (IsNumeric != other.IsNumeric)
        {
            return IsNumeric ? 1 : -1;
        }

        if (IsNumeric && Text.Length != other.Text.Length)
        {
            return Text.Length < other.Text.Length ? -1 : 1;
        }

        return string.CompareOrdinal(Text, other.Text) switch
        {
            < 0 => -1,
            > 0 => 1,
            _ => 0,
        };
    }
}
