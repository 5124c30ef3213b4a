using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>A TOML value together with where it was written, so validation can point at the exact line and column.</summary>
public abstract record TomlNode(SourceLocation Location)
{
    /// <summary>The TOML type name used in messages ("string", "array", "table", ...).</summary>
    public abstract string TypeName { get; }
}
