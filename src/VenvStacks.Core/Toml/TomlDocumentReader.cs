using System.Collections.Immutable;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Core.Toml;

/// <summary>
/// Reads TOML into <see cref="TomlNode"/> trees that remember where every key and value was written.
/// Tomlyn's syntax parser supplies spans and validates the TOML rules (duplicate keys, table redefinition);
/// this class only assembles tables from headers, dotted keys and arrays of tables.
/// </summary>
public static class TomlDocumentReader
{
    private static readonly TomlSerializerOptions ParserOptions = new() { MaxDepth = TomlTextGuard.ParserMaxDepth };

    /// <summary>Reads <paramref name="text"/>; <paramref name="path"/> is used in locations.</summary>
    public static TomlParseResult Parse(string text, string path)
    {
        var diagnostics = new DiagnosticBag();
        var root = Read(text, path, diagnostics);
        return new TomlParseResult(root, diagnostics.ToImmutable());
    }

    /// <summary>Reads <paramref name="text"/>, adding its errors to <paramref name="diagnostics"/> (at most
    /// <see cref="DiagnosticBag.MaxPerFile"/> shown); null when it is not valid TOML.</summary>
    internal static TomlTableNode? Read(string text, string path, DiagnosticBag diagnostics)
    {
        // Before Tomlyn and the tree building below, which recurse: see TomlTextGuard (docs/errors.md, VSTK1001).
        if (TomlTextGuard.FindFirstProblem(text) is { } problem)
        {
            var (line, column) = TextLocation.LineAndColumn(text, problem.Offset);
            diagnostics.Error(DiagnosticCodes.TomlSyntax, "Invalid TOML: " + problem.Message, new SourceLocation(path, line, column, line, column));
            return null;
        }

        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, ParserOptions, path, true);
        }
        catch (Exception ex) when (ex is TomlException or ArgumentException)
        {
            // Tomlyn throws for its own depth limit, and fails on escapes of surrogates; TomlTextGuard stops such
            // input first, so this is a last line of defence.
            diagnostics.Error(
                DiagnosticCodes.TomlSyntax,
                "Invalid TOML: " + CleanMessage(ex.Message),
                new SourceLocation(path, 1, 1, 1, 1));
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        foreach (var error in document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error))
        {
            diagnostics.Error(DiagnosticCodes.TomlSyntax, "Invalid TOML: " + CleanMessage(error.Message), ToLocation(path, error.Span));
        }

        if (diagnostics.ErrorCount != errorsBefore)
        {
            return null;
        }

        var root = new MutableTable(new SourceLocation(path, 1, 1, 1, 1));
        foreach (var keyValue in document.KeyValues)
        {
            AddKeyValue(root, keyValue, path);
        }

        foreach (var table in document.Tables)
        {
            var keys = KeyParts(table.Name!, path);
            var header = ToLocation(path, table.Span);
            MutableTable current;
            if (table is TableArraySyntax)
            {
                var parent = Navigate(root, keys.Take(keys.Count - 1), header);
                var array = parent.GetOrAddArray(keys[^1].Name, keys[^1].Location, header);
                current = new MutableTable(header);
                array.Items.Add(current);
            }
            else
            {
                current = Navigate(root, keys, header);
                current.Location = header;
            }

            foreach (var keyValue in table.Items)
            {
                AddKeyValue(current, keyValue, path);
            }
        }

        return root.Freeze();
    }

    internal static SourceLocation ToLocation(string path, SourceSpan span) =>
        new(path, span.Start.Line + 1, span.Start.Column + 1, span.End.Line + 1, span.End.Column + 1);

    // Tomlyn draws newlines inside quoted source as '␤'; a one-line message reads better without them.
    private static string CleanMessage(string message) => message.Replace('␤', ' ').Trim();

    private static void AddKeyValue(MutableTable table, KeyValueSyntax keyValue, string path)
    {
        var keys = KeyParts(keyValue.Key!, path);
        var target = Navigate(table, keys.Take(keys.Count - 1), keys[0].Location);
        var last = keys[^1];
        target.Add(new MutableEntry(last.Name, last.Location, Convert(keyValue.Value!, path)));
    }

    private static object Convert(ValueSyntax value, string path)
    {
        var location = ToLocation(path, value.Span);
        switch (value)
        {
            case StringValueSyntax s:
                return new TomlScalarNode(s.Value ?? string.Empty, location);
            case IntegerValueSyntax i:
                return new TomlScalarNode(i.Value, location);
            case FloatValueSyntax f:
                return new TomlScalarNode(f.Value, location);
            case BooleanValueSyntax b:
                return new TomlScalarNode(b.Value, location);
            case DateTimeValueSyntax d:
                return new TomlScalarNode(d.Value, location);
            case ArraySyntax array:
                var items = new MutableArray(false, location);
                foreach (var item in array.Items)
                {
                    items.Items.Add(Convert(item.Value!, path));
                }

                return items;
            case InlineTableSyntax inline:
                var inlineTable = new MutableTable(location);
                foreach (var item in inline.Items)
                {
                    AddKeyValue(inlineTable, item.KeyValue!, path);
                }

                return inlineTable;
            default:
                throw new InvalidOperationException("Unsupported TOML value syntax " + value.GetType().Name);
        }
    }

    private static MutableTable Navigate(MutableTable start, IEnumerable<KeyPart> keys, SourceLocation createdAt)
    {
        var current = start;
        foreach (var key in keys)
        {
            switch (current.Find(key.Name)?.Value)
            {
                case null:
                    var created = new MutableTable(createdAt);
                    current.Add(new MutableEntry(key.Name, key.Location, created));
                    current = created;
                    break;
                case MutableTable table:
                    current = table;
                    break;
                case MutableArray { IsTableArray: true } array when array.Items.Count > 0:
                    // A header below an array of tables extends its most recent element (TOML spec).
                    current = (MutableTable)array.Items[^1];
                    break;
                default:
                    // Tomlyn's validation rejects redefinitions before we get here.
                    throw new InvalidOperationException($"TOML key '{key.Name}' is not a table");
            }
        }

        return current;
    }

    private static List<KeyPart> KeyParts(KeySyntax key, string path)
    {
        var parts = new List<KeyPart> { ToKeyPart(key.Key!, path) };
        if (key.DotKeys is not null)
        {
            foreach (var dotted in key.DotKeys)
            {
                parts.Add(ToKeyPart(dotted.Key!, path));
            }
        }

        return parts;
    }

    private static KeyPart ToKeyPart(BareKeyOrStringValueSyntax key, string path)
    {
        var name = key switch
        {
            BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
            StringValueSyntax quoted => quoted.Value ?? string.Empty,
            _ => throw new InvalidOperationException("Unsupported TOML key syntax " + key.GetType().Name),
        };
        return new KeyPart(name, ToLocation(path, key.Span));
    }

    private sealed record KeyPart(string Name, SourceLocation Location);

    private sealed record MutableEntry(string Key, SourceLocation KeyLocation, object Value);

    private sealed class MutableTable(SourceLocation location)
    {
        // Entries in written order, and by key: a table with many keys must not make every lookup a scan.
        private readonly List<MutableEntry> _entries = [];
        private readonly Dictionary<string, MutableEntry> _byKey = new(StringComparer.Ordinal);

        public SourceLocation Location { get; set; } = location;

        public MutableEntry? Find(string key) => _byKey.GetValueOrDefault(key);

        public void Add(MutableEntry entry)
        {
            _entries.Add(entry);
            _byKey.TryAdd(entry.Key, entry);
        }

        public MutableArray GetOrAddArray(string key, SourceLocation keyLocation, SourceLocation location)
        {
            if (Find(key)?.Value is MutableArray existing)
            {
                return existing;
            }

            var array = new MutableArray(true, location);
            Add(new MutableEntry(key, keyLocation, array));
            return array;
        }

        public TomlTableNode Freeze() =>
            new(_entries.Select(e => new TomlEntry(e.Key, e.KeyLocation, FreezeValue(e.Value))).ToImmutableArray(), Location);
    }

    private sealed class MutableArray(bool isTableArray, SourceLocation location)
    {
        public bool IsTableArray { get; } = isTableArray;

        public List<object> Items { get; } = [];

        public TomlArrayNode Freeze() => new(Items.Select(FreezeValue).ToImmutableArray(), IsTableArray, location);
    }

    private static TomlNode FreezeValue(object value) => value switch
    {
        MutableTable table => table.Freeze(),
        MutableArray array => array.Freeze(),
        TomlNode node => node,
        _ => throw new InvalidOperationException("Unknown TOML builder value " + value.GetType().Name),
    };
}
