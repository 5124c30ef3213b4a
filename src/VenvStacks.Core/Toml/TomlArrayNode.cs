using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>An array value, or an array of tables (<c>[[name]]</c>) when <see cref="IsTableArray"/> is set.</summary>
public sealed record TomlArrayNode(ImmutableArray<TomlNode> Items, bool IsTableArray, SourceLocation Location)
    : TomlNode(Location)
{
    /// <inheritdoc />
    public override string TypeName => IsTableArray ? "array of tables" : "array";
}
