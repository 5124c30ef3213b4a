using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>The outcome of reading a TOML file: the located document, or the syntax errors that prevented it.</summary>
public sealed record TomlParseResult(TomlTableNode? Root, ImmutableArray<Diagnostic> Errors)
{
    /// <summary>Whether the text was valid TOML.</summary>
    public bool Succeeded => Root is not null;
}
