using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VenvStacks.Packaging.Pep751;

/// <summary>An immutable string-keyed map that keeps insertion order (TOML key order) and compares by content.</summary>
internal sealed class ValueMap<T> : IReadOnlyDictionary<string, T>, IEquatable<ValueMap<T>>
{
    private readonly KeyValuePair<string, T>[] entries;
    private readonly Dictionary<string, T> lookup;

    public ValueMap(IEnumerable<KeyValuePair<string, T>> entries)
    {
        this.entries = entries.ToArray();
        lookup = new Dictionary<string, T>(this.entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in this.entries)
        {
            if (!lookup.TryAdd(key, value))
            {
                throw new ArgumentException($"Duplicate key '{key}'", nameof(entries));
            }
        }
    }

    public static ValueMap<T> Empty { get; } = new([]);

    public int Count => entries.Length;

    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    public IEnumerable<T> Values => entries.Select(e => e.Value);

    public T this[string key] => lookup[key];

    public bool ContainsKey(string key) => lookup.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => lookup.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, T>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => entries.GetEnumerator();

    public bool Equals(ValueMap<T>? other)
    {
        if (other is null || other.entries.Length != entries.Length)
        {
            return false;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key != other.entries[i].Key || !TomlData.ValueEquals(entries[i].Value, other.entries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueMap<T> other && Equals(other);

    public override int GetHashCode() => entries.Length;
}
