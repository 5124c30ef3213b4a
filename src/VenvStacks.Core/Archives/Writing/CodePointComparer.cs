namespace VenvStacks.Core.Archives.Writing;

/// <summary>
/// Orders strings by Unicode code point, as Python's <c>sorted()</c> does for the names venvstacks archives. Ordinal
/// UTF-16 comparison agrees except where a surrogate pair meets a character from U+E000 to U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]) - Rank(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Moves surrogates above U+E000..U+FFFF, where the code points they encode belong.
    private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
