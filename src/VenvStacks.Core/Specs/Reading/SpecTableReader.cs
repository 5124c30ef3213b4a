using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Toml;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// Typed, located access to one table of the spec. Every key read is remembered, so that anything left over can be
/// reported as unknown; a value of the wrong type is reported once and then treated as absent.
/// </summary>
internal sealed class SpecTableReader(TomlTableNode table, string description, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _knownKeys = new(StringComparer.Ordinal);

    public TomlTableNode Table => table;

    /// <summary>How the table is named in messages, e.g. "runtime 'cpython-3.11'".</summary>
    public string Description { get; set; } = description;

    public bool Has(string key)
    {
        _knownKeys.Add(key);
        return table.Find(key) is not null;
    }

    public TomlEntry? Entry(string key)
    {
        _knownKeys.Add(key);
        return table.Find(key);
    }

    public Located<string>? String(string key, bool required = false)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            ReportMissing(key, required);
            return null;
        }

        if (entry.Value is TomlScalarNode { Value: string text })
        {
            return new Located<string>(text, entry.Value.Location);
        }

        ReportWrongType(entry, "a string");
        return null;
    }

    /// <summary>A string, or an integer/float written without quotes (macosx_target = 14).</summary>
    public Located<string>? StringOrNumber(string key)
    {
        var entry = Entry(key);
        return entry?.Value switch
        {
            null => null,
            TomlScalarNode { Value: string text } => new Located<string>(text, entry.Value.Location),
            TomlScalarNode { Value: long number } => new Located<string>(
                number.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Value.Location),
            TomlScalarNode { Value: double number } => new Located<string>(
                number.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Value.Location),
            _ => ReportWrongTypeAndReturnNull(entry, "a string"),
        };
    }

    public Located<bool>? Boolean(string key)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is TomlScalarNode { Value: bool flag })
        {
            return new Located<bool>(flag, entry.Value.Location);
        }

        ReportWrongType(entry, "a boolean (true or false)");
        return null;
    }

    /// <summary>An array of strings; items of another type are reported and skipped.</summary>
    public Located<ImmutableArray<Located<string>>>? StringArray(string key, bool required = false)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            ReportMissing(key, required);
            return null;
        }

        if (entry.Value is not TomlArrayNode { IsTableArray: false } array)
        {
            ReportWrongType(entry, "an array of strings");
            return null;
        }

        var items = ImmutableArray.CreateBuilder<Located<string>>(array.Items.Length);
        foreach (var item in array.Items)
        {
            if (item is TomlScalarNode { Value: string text })
            {
                items.Add(new Located<string>(text, item.Location));
            }
            else
            {
                diagnostics.Error(
                    DiagnosticCodes.WrongType,
                    $"Every item of '{key}' in {Description} must be a string, not {Article(item.TypeName)}",
                    item.Location);
            }
        }

        return new Located<ImmutableArray<Located<string>>>(items.ToImmutable(), entry.Value.Location);
    }

    /// <summary>A table whose values are all strings (package_indexes, index_overrides).</summary>
    public ImmutableArray<(Located<string> Key, Located<string> Value)>? StringTable(string key)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is not TomlTableNode inner)
        {
            ReportWrongType(entry, "a table of strings, e.g. { torch = \"pytorch-cpu\" }");
            return null;
        }

        var items = ImmutableArray.CreateBuilder<(Located<string>, Located<string>)>();
        foreach (var item in inner.Entries)
        {
            if (item.Value is TomlScalarNode { Value: string text })
            {
                items.Add((new Located<string>(item.Key, item.KeyLocation), new Located<string>(text, item.Value.Location)));
            }
            else
            {
                diagnostics.Error(
                    DiagnosticCodes.WrongType,
                    $"'{key}.{item.Key}' in {Description} must be a string, not {Article(item.Value.TypeName)}",
                    item.Value.Location);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>Reports every key of the table that is neither allowed nor was asked for.</summary>
    public void ReportUnknownKeys(IEnumerable<string> allowed)
    {
        var allowedList = allowed.ToArray();
        foreach (var entry in table.Entries)
        {
            if (!_knownKeys.Contains(entry.Key) && !allowedList.Contains(entry.Key))
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownKey,
                    $"Unknown key '{entry.Key}' in {Description} (expected one of: {string.Join(", ", allowedList)})",
                    entry.KeyLocation);
            }
        }
    }

    internal static string Article(string typeName) =>
        (typeName.Length > 0 && "aeiou".Contains(typeName[0], StringComparison.Ordinal) ? "an " : "a ") + typeName;

    private void ReportMissing(string key, bool required)
    {
        if (required)
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, $"{Description} is missing '{key}', which is required", table.Location);
        }
    }

    private void ReportWrongType(TomlEntry entry, string expected) =>
        diagnostics.Error(
            DiagnosticCodes.WrongType,
            $"'{entry.Key}' in {Description} must be {expected}, not {Article(entry.Value.TypeName)}",
            entry.Value.Location);

    private Located<string>? ReportWrongTypeAndReturnNull(TomlEntry entry, string expected)
    {
        ReportWrongType(entry, expected);
        return null;
    }
}
