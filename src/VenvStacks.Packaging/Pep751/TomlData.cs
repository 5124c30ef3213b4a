using System.Globalization;

namespace VenvStacks.Packaging.Pep751;

/// <summary>
/// The generic TOML data the lock model keeps for tables it does not model (<c>[tool]</c>, unknown keys,
/// dependencies). Values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (offset date-time), <see cref="DateTime"/> (local date-time), <see cref="DateOnly"/>,
/// <see cref="TimeOnly"/>, <see cref="IReadOnlyList{T}"/> of values, or <see cref="IReadOnlyDictionary{TKey,TValue}"/>
/// from string to value (a table; key order is kept).
/// </summary>
internal static class TomlData
{
    /// <summary>An immutable, structurally comparable copy of a table supplied by a caller.</summary>
    /// <exception cref="ArgumentException">A value is not one of the supported TOML types.</exception>
    public static ValueMap<object> FreezeTable(IEnumerable<KeyValuePair<string, object>>? table) =>
        table switch
        {
            null => ValueMap<object>.Empty,
            ValueMap<object> frozen => frozen,
            _ => new ValueMap<object>(table.Select(e => KeyValuePair.Create(e.Key, Freeze(e.Value)))),
        };

    /// <summary>Like <see cref="FreezeTable"/>, keeping null as null.</summary>
    public static ValueMap<object>? FreezeNullableTable(IEnumerable<KeyValuePair<string, object>>? table) =>
        table is null ? null : FreezeTable(table);

    /// <summary>A list of frozen tables, or null.</summary>
    public static ValueList<IReadOnlyDictionary<string, object>>? FreezeTables(IEnumerable<IReadOnlyDictionary<string, object>>? tables) =>
        tables switch
        {
            null => null,
            ValueList<IReadOnlyDictionary<string, object>> frozen when frozen.All(t => t is ValueMap<object>) => frozen,
            _ => new ValueList<IReadOnlyDictionary<string, object>>(tables.Select(t => (IReadOnlyDictionary<string, object>)FreezeTable(t))),
        };

    /// <summary>An immutable copy of one value, with integers widened to <see cref="long"/> and single precision
    /// floats to <see cref="double"/>.</summary>
    /// <exception cref="ArgumentException">The value is not one of the supported TOML types.</exception>
    public static object Freeze(object value) =>
        value switch
        {
            string or long or double or bool or DateTimeOffset or DateTime or DateOnly or TimeOnly => value,
            int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            float single => (double)single,
            ValueMap<object> map => map,
            IEnumerable<KeyValuePair<string, object>> table => FreezeTable(table),
            ValueList<object> list => list,
            System.Collections.IDictionary table => FreezeTable(
                table.Cast<System.Collections.DictionaryEntry>().Select(e => KeyValuePair.Create(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, e.Value!))),
            System.Collections.IEnumerable items => new ValueList<object>(items.Cast<object>().Select(Freeze)),
            _ => throw new ArgumentException($"'{value?.GetType().Name ?? "null"}' is not a TOML value type", nameof(value)),
        };

    /// <summary>Content equality for TOML values; offset date-times must also have the same offset.</summary>
    public static bool ValueEquals<T>(T left, T right) =>
        (left, right) switch
        {
            (DateTimeOffset a, DateTimeOffset b) => a.EqualsExact(b),
            _ => EqualityComparer<T>.Default.Equals(left, right),
        };
}
