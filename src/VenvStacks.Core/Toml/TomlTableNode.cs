using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>A table (document root, <c>[header]</c>, array-of-tables element, dotted key or inline table).</summary>
/// <param name="Entries">The entries in the order they were written.</param>
/// <param name="Location">The header (or first key) that opened the table.</param>
public sealed record TomlTableNode(ImmutableArray<TomlEntry> Entries, SourceLocation Location) : TomlNode(Location)
{
    /// <inheritdoc />
    public override string TypeName => "table";

    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public TomlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Converts the table to plain CLR data (dictionaries, lists, scalars), for settings kept as data.</summary>
    public IReadOnlyDictionary<string, object> ToPlainData()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            result[entry.Key] = entry.Value.ToPlainValue();
        }

        return result;
    }
}
