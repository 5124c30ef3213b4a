namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>One header field of an RFC 822 style metadata file (METADATA, PKG-INFO, WHEEL), as written.</summary>
/// <param name="Name">The field name with the spelling used in the file; lookups ignore case.</param>
/// <param name="Value">
/// The value as Python's email parser (compat32 policy) returns it: spaces and tabs after the colon removed, and any
/// continuation lines appended after a <c>'\n'</c> with their leading whitespace kept.
/// </param>
/// <param name="Line">The 1-based line on which the field starts.</param>
public sealed record MetadataField(string Name, string Value, int Line)
{
    /// <summary>0-based offset of the value's first character in the parsed text, for error positions.</summary>
    internal int ValueOffset { get; init; }
}
