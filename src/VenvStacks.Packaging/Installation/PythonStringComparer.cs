
namespace VenvStacks.Packaging.Installation;

/// <summary>Orders strings as Python does: by Unicode code point (ordinal UTF-16 comparison differs when a
/// character above U+FFFF meets one between U+E000 and U+FFFF).</summary>
internal sealed class PythonStringComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static PythonStringComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
