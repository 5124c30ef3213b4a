using System.Collections;

namespace VenvStacks.Packaging.Pep751;

/// <summary>An immutable list with structural equality, so that the lock records compare by content.</summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public ValueList(IEnumerable<T> items) => this._items = items.ToArray();

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!TomlData.ValueEquals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode() => _items.Length;
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
