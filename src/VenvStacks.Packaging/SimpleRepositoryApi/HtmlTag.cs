namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>A start tag: lower-case name and attributes (lower-case names, entity-decoded values; a valueless
/// attribute has an empty value; the first of duplicate attributes wins, as in HTML).</summary>
internal sealed record HtmlTag(string Name, IReadOnlyDictionary<string, string> Attributes);
