using System.Collections.Immutable;

namespace VenvStacks.Core.Specs.Tooling;

/// <summary>
/// The stack's uv settings: the inline <c>[tool.uv]</c> table, or <c>venvstacks.uv.toml</c> when there is none.
/// Index configuration is typed; every other setting is kept as plain data for later stages.
/// </summary>
/// <param name="SourcePath">The file the settings came from, or null when there are none.</param>
/// <param name="Indexes">All indexes in declaration order.</param>
/// <param name="Sources">Common per-package index routing (normalised name → index name).</param>
/// <param name="ExcludeNewer">The effective <c>exclude-newer</c> cut-off (UV_EXCLUDE_NEWER first), if any.</param>
/// <param name="OtherSettings">Every other setting, as plain data (strings, numbers, lists, dictionaries).</param>
public sealed record UvToolConfig(
    string? SourcePath,
    ImmutableArray<PackageIndex> Indexes,
    ImmutableDictionary<string, string> Sources,
    ExcludeNewer? ExcludeNewer,
    ImmutableDictionary<string, object> OtherSettings)
{
    /// <summary>No settings at all.</summary>
    public static UvToolConfig Empty { get; } = new(
        null,
        [],
        ImmutableDictionary<string, string>.Empty,
        null,
        ImmutableDictionary<string, object>.Empty);

    /// <summary>Indexes that have a name, by name.</summary>
    public ImmutableDictionary<string, PackageIndex> NamedIndexes =>
        Indexes.Where(i => i.Name is not null).ToImmutableDictionary(i => i.Name!, StringComparer.Ordinal);

    /// <summary>Indexes every layer searches (<c>default</c> or not <c>explicit</c>), in declaration order.</summary>
    public ImmutableArray<PackageIndex> CommonIndexes => Indexes.Where(i => i.IsCommon).ToImmutableArray();
}
