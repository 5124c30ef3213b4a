using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>A TOML value together with where it was written, so validation can point at the exact line and column.</summary>
public abstract record TomlNode(SourceLocation Location)
{
    /// <summary>The TOML type name used in messages ("string", "array", "table", ...).</summary>
    public abstract string TypeName { get; }

    /// <summary>The value as plain CLR data: dictionaries for tables, arrays for arrays, scalars as they are.</summary>
    internal object ToPlainValue() => this switch
    {
        TomlTableNode table => table.ToPlainData(),
        TomlArrayNode array => array.Items.Select(item => item.ToPlainValue()).ToImmutableArray(),
        TomlScalarNode scalar => scalar.Value,
        _ => throw new InvalidOperationException("Unknown TOML node type " + GetType().Name),
    };
}
