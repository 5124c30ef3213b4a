using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>A key of a table with its value; <see cref="KeyLocation"/> is where the key itself was written.</summary>
public sealed record TomlEntry(string Key, SourceLocation KeyLocation, TomlNode Value);
