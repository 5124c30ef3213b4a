namespace VenvStacks.Packaging.Hashing;

/// <summary>Lower-case hex, the form indexes and lock files use for digests.</summary>
internal static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = bytes.Length <= 128 ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        const string Digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            text[2 * i] = Digits[bytes[i] >> 4];
            text[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(text);
    }
}
