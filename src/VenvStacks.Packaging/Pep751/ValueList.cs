using System.Collections;

namespace VenvStacks.Packaging.Pep751;

/// <summary>An immutable list with structural equality, so that the lock records compare by content.</summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    public ValueList(IEnumerable<T> items) => this.items = items.ToArray();

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => items.Length;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(ValueList<T>? other)
    {
        if (other is null || other.items.Length != items.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (!TomlData.ValueEquals(items[i], other.items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode() => items.Length;
}

/// <summary>Creates <see cref="ValueList{T}"/> instances from whatever list a caller hands to a lock record.</summary>
internal static class ValueList
{
    public static ValueList<T> From<T>(IEnumerable<T>? items) =>
        items switch
        {
            null => ValueList<T>.Empty,
            ValueList<T> list => list,
            _ => new ValueList<T>(items),
        };

    public static ValueList<T>? FromNullable<T>(IEnumerable<T>? items) => items is null ? null : From(items);
}
