using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep751;

/// <summary>
/// Typed access to the keys of one table that Tomlyn read, with errors that point at the key in the source text. Keys
/// read through it are remembered, so <see cref="Remaining"/> can hand back everything the model does not know.
/// </summary>
internal sealed class TomlTableReader
{
    private readonly TomlTable _table;
    private readonly Context _context;
    private readonly (int Offset, int Length) _anchor;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private TomlTableReader(TomlTable table, string path, Context context, (int Offset, int Length) anchor)
    {
        this._table = table;
        Path = path;
        this._context = context;
        this._anchor = FirstKeySpan(table, context) ?? anchor;
    }

    /// <summary>Where the table is, in error-message form (<c>packages[2].wheels[0]</c>; empty for the document).</summary>
    public string Path { get; }

    /// <summary>A reader for the document's root table.</summary>
    public static TomlTableReader ForDocument(TomlTable root, string text, TomlMetadataStore store) =>
        new(root, string.Empty, new Context(text, store), (0, 0));

    /// <summary>The value of a required string key.</summary>
    public string RequiredString(string key) => OptionalString(key) ?? throw Missing(key);

    /// <summary>The value of an optional string key.</summary>
    public string? OptionalString(string key) => Get<string>(key, "a string");

    /// <summary>The value of an optional boolean key.</summary>
    public bool? OptionalBoolean(string key) => Has(key) ? Get<bool>(key, "a boolean") : null;

    /// <summary>The value of an optional integer key that must not be negative.</summary>
    public long? OptionalSize(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        var value = Get<long>(key, "a non-negative integer");
        return value >= 0 ? value : throw ErrorAt(key, $"'{Describe(key)}' must be a non-negative integer");
    }

    /// <summary>The value of an optional offset date-time key (e.g. <c>upload-time = 2025-07-27T16:26:29Z</c>).</summary>
    public DateTimeOffset? OptionalOffsetDateTime(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        var value = Get<TomlDateTime>(key, "a date-time with an offset");
        return value.Kind is TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber
            ? value.DateTime
            : throw ErrorAt(key, $"'{Describe(key)}' must be a date-time with an offset (e.g. 2025-01-01T00:00:00Z)");
    }

    /// <summary>The value of an optional array-of-strings key.</summary>
    public IReadOnlyList<string>? OptionalStringArray(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        var array = Get<TomlArray>(key, "an array of strings")!;
        return array.Select(item => item as string ?? throw ErrorAt(key, $"'{Describe(key)}' must be an array of strings")).ToArray();
    }

    /// <summary>A reader for an optional sub-table (header or inline form).</summary>
    public TomlTableReader? OptionalTable(string key) =>
        Has(key) ? new TomlTableReader(Get<TomlTable>(key, "a table")!, Describe(key), _context, KeySpan(key)) : null;

    /// <summary>A required table of string values, such as <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string> RequiredStringTable(string key)
    {
        var child = OptionalTable(key) ?? throw Missing(key);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in child._table)
        {
            child._consumed.Add(name);
            values.Add(KeyValuePair.Create(name, value as string ?? throw child.ErrorAt(name, $"'{child.Describe(name)}' must be a string")));
        }

        return new ValueMap<string>(values);
    }

    /// <summary>Readers for an optional array of tables, written as <c>[[key]]</c> sections or as an inline array.</summary>
    public IReadOnlyList<TomlTableReader>? OptionalTableArray(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        _consumed.Add(key);
        IEnumerable<object?> items = _table[key] switch
        {
            TomlTableArray sections => sections,
            TomlArray inline => inline,
            _ => throw ErrorAt(key, $"'{Describe(key)}' must be an array of tables"),
        };

        return items
            .Select((item, index) => item is TomlTable element
                ? new TomlTableReader(element, $"{Describe(key)}[{index}]", _context, KeySpan(key))
                : throw ErrorAt(key, $"'{Describe(key)}' must be an array of tables"))
            .ToArray();
    }

    /// <summary>An optional table kept as generic data (e.g. <c>[tool]</c>).</summary>
    public IReadOnlyDictionary<string, object>? OptionalData(string key) =>
        Has(key) ? (ValueMap<object>)Convert(key, Get<TomlTable>(key, "a table")!) : null;

    /// <summary>An optional array of tables kept as generic data (e.g. <c>dependencies</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object>>? OptionalDataArray(string key) =>
        OptionalTableArray(key)?.Select(reader => reader.Remaining()).ToArray();

    /// <summary>Every key not read yet, converted to generic data, in source order.</summary>
    public IReadOnlyDictionary<string, object> Remaining()
    {
        var rest = new List<KeyValuePair<string, object>>();
        foreach (var (key, value) in _table)
        {
            if (_consumed.Add(key))
            {
                rest.Add(KeyValuePair.Create(key, Convert(key, value!)));
            }
        }

        return new ValueMap<object>(rest);
    }

    /// <summary>The value of an optional string key that must also parse with <paramref name="parse"/> (a version,
    /// marker or specifier set); the parser's error is reported at the key.</summary>
    public string? OptionalParsedString<T>(string key, Func<string, T> parse)
    {
        var value = OptionalString(key);
        if (value is not null)
        {
            try
            {
                parse(value);
            }
            catch (PackagingFormatException inner)
            {
                throw ErrorAt(key, $"'{Describe(key)}' is not valid: {inner.Message}", inner);
            }
        }

        return value;
    }

    /// <summary>An error pointing at <paramref name="key"/> (or at this table when the key is absent).</summary>
    public PackagingFormatException ErrorAt(string key, string message, Exception? inner = null)
    {
        var (offset, length) = Has(key) ? KeySpan(key) : _anchor;
        return TextLocation.Error("Invalid pylock.toml: " + message, _context.Text, offset, length, inner);
    }

    private PackagingFormatException Missing(string key) =>
        ErrorAt(key, Path.Length == 0 ? $"missing required key '{key}'" : $"missing required key '{key}' in '{Path}'");

    private bool Has(string key) => _table.ContainsKey(key);

    private string Describe(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private T? Get<T>(string key, string expected)
    {
        if (!_table.TryGetValue(key, out var value))
        {
            return default;
        }

        _consumed.Add(key);
        return value is T typed ? typed : throw ErrorAt(key, $"'{Describe(key)}' must be {expected}");
    }

    private object Convert(string key, object value) =>
        value switch
        {
            string or long or double or bool => value,
            TomlDateTime dateTime => dateTime.Kind switch
            {
                TomlDateTimeKind.LocalDateTime => dateTime.DateTime.DateTime,
                TomlDateTimeKind.LocalDate => DateOnly.FromDateTime(dateTime.DateTime.DateTime),
                TomlDateTimeKind.LocalTime => TimeOnly.FromDateTime(dateTime.DateTime.DateTime),
                _ => dateTime.DateTime,
            },
            TomlTable child => new ValueMap<object>(child.Select(e => KeyValuePair.Create(e.Key, Convert(key, e.Value!)))),
            TomlTableArray sections => new ValueList<object>(sections.Select(t => Convert(key, t))),
            TomlArray items => new ValueList<object>(items.Select(item => Convert(key, item!))),
            _ => throw ErrorAt(key, $"'{Describe(key)}' has an unsupported value"),
        };

    private (int Offset, int Length) KeySpan(string key) => SourceSpan(_table, key, _context) ?? _anchor;

    private static (int Offset, int Length)? FirstKeySpan(TomlTable table, Context context) =>
        table.Count == 0 ? null : SourceSpan(table, table.Keys.First(), context);

    // Where Tomlyn saw the key in the source text, when it recorded it.
    private static (int Offset, int Length)? SourceSpan(TomlTable table, string key, Context context) =>
        context.Store.TryGetProperties(table, out var properties) && properties is not null
            && properties.TryGetProperty(key, out var property) && property is not null
            ? (property.Span.Offset, property.Span.Length)
            : null;

    /// <summary>What every reader of one document shares.</summary>
    private sealed record Context(string Text, TomlMetadataStore Store);
}
