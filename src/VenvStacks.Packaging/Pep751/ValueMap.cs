using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VenvStacks.Packaging.Pep751;

/// <summary>An immutable string-keyed map that keeps insertion order (TOML key order) and compares by content.</summary>
internal sealed class ValueMap<T> : IReadOnlyDictionary<string, T>, IEquatable<ValueMap<T>>
{
    private readonly KeyValuePair<string, T>[] _entries;
    private readonly Dictionary<string, T> _lookup;

    public ValueMap(IEnumerable<KeyValuePair<string, T>> entries)
    {
        this._entries = entries.ToArray();
        _lookup = new Dictionary<string, T>(this._entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in this._entries)
        {
            if (!_lookup.TryAdd(key, value))
            {
                throw new ArgumentException($"Duplicate key '{key}'", nameof(entries));
            }
        }
    }

    public static ValueMap<T> Empty { get; } = new([]);

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<T> Values => _entries.Select(e => e.Value);

    public T this[string key] => _lookup[key];

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _lookup.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, T>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public bool Equals(ValueMap<T>? other)
    {
        if (other is null || other._entries.Length != _entries.Length)
        {
            return false;
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Key != other._entries[i].Key || !TomlData.ValueEquals(_entries[i].Value, other._entries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueMap<T> other && Equals(other);

    public override int GetHashCode() => _entries.Length;
}
