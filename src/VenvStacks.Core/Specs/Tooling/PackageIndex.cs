using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Specs.Tooling;

/// <summary>One <c>[[tool.uv.index]]</c> entry.</summary>
/// <param name="Name">The index name, or null for an anonymous index.</param>
/// <param name="Url">The URL (or local path for flat indexes) as written.</param>
/// <param name="Explicit">Only used for packages routed to it by name.</param>
/// <param name="Default">Replaces PyPI as the default index.</param>
/// <param name="Format">Null for a simple index; <c>flat</c> for a find-links style folder or page.</param>
/// <param name="Location">Where the entry was written.</param>
public sealed record PackageIndex(string? Name, string Url, bool Explicit, bool Default, string? Format, SourceLocation? Location)
{
    /// <summary>Where the <c>url</c> value was written (errors about the location point here), when known.</summary>
    public SourceLocation? UrlLocation { get; init; }

    /// <summary>Whether every layer searches this index (venvstacks: <c>default</c> or not <c>explicit</c>).</summary>
    public bool IsCommon => Default || !Explicit;

    /// <summary>Whether the index is a flat list of files rather than a simple repository API.</summary>
    public bool IsFlat => string.Equals(Format, "flat", StringComparison.Ordinal);
}
