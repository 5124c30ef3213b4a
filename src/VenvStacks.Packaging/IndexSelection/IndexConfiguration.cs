using System.Collections.Immutable;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.IndexSelection;

/// <summary>
/// Where a layer's packages may come from, with uv's semantics:
/// <list type="bullet">
/// <item>a package routed by <see cref="Sources"/> is looked up only on its index (explicit or not);</item>
/// <item>any other package is looked up along <see cref="SearchOrder"/> — the non-explicit, non-default indexes in
/// order, then the default index (the first with <c>default = true</c>, else PyPI) — and taken from the first index that
/// has it (uv's <c>first-index</c> strategy; later indexes are not consulted for it);</item>
/// <item><see cref="FindLinks"/> locations are always searched too, and their files added (uv <c>find-links</c>);</item>
/// <item><see cref="NoIndex"/> leaves only the find-links locations.</item>
/// </list>
/// </summary>
public sealed record IndexConfiguration
{
    /// <summary>Creates a configuration from a layer's ordered index list.</summary>
    /// <param name="indexes">The layer's indexes in priority order (uv's <c>index</c> list). When two share a name the
    /// first wins.</param>
    /// <param name="sources">Per-package routing: project name (any spelling) → index name.</param>
    /// <param name="findLinks">Flat locations searched for every package.</param>
    /// <param name="noIndex">Ignore every index; use only <paramref name="findLinks"/>.</param>
    /// <exception cref="PackageIndexException"><see cref="IndexErrorCode.UnknownIndex"/>: a source names an index that
    /// is not in <paramref name="indexes"/>.</exception>
    public IndexConfiguration(
        IEnumerable<IndexSource> indexes,
        IReadOnlyDictionary<string, string>? sources = null,
        IEnumerable<IndexSource>? findLinks = null,
        bool noIndex = false)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        Indexes = indexes.Where(i => i.Name is null || seenNames.Add(i.Name)).ToImmutableArray();
        FindLinks = (findLinks ?? []).ToImmutableArray();
        NoIndex = noIndex;

        var routes = ImmutableDictionary.CreateBuilder<NormalizedName, IndexSource>();
        foreach (var (project, indexName) in sources ?? ImmutableDictionary<string, string>.Empty)
        {
            var target = Indexes.FirstOrDefault(i => i.Name == indexName)
                ?? throw new PackageIndexException(IndexErrorCode.UnknownIndex, $"Package '{project}' is routed to index '{indexName}', which is not defined.");
            routes[NormalizedName.From(project)] = target;
        }

        Sources = routes.ToImmutable();
        SearchOrder = ComputeSearchOrder(Indexes, noIndex);
    }

    /// <summary>The indexes as given (duplicate names removed).</summary>
    public ImmutableArray<IndexSource> Indexes { get; }

    /// <summary>Per-package routing, by normalised project name.</summary>
    public ImmutableDictionary<NormalizedName, IndexSource> Sources { get; }

    /// <summary>Flat locations searched for every package (local wheel folders, find-links pages).</summary>
    public ImmutableArray<IndexSource> FindLinks { get; }

    /// <summary>Whether every index is ignored.</summary>
    public bool NoIndex { get; }

    /// <summary>The order unrouted packages are looked up in (empty with <see cref="NoIndex"/>); indexes with the same
    /// URL are consulted once.</summary>
    public ImmutableArray<IndexSource> SearchOrder { get; }

    /// <summary>Files on simple indexes uploaded at or after this instant are ignored (uv <c>exclude-newer</c>).</summary>
    public DateTimeOffset? ExcludeNewer { get; init; }

    /// <summary>What <see cref="ExcludeNewer"/> does with files that have no upload time.</summary>
    public MissingUploadTimePolicy MissingUploadTime { get; init; } = MissingUploadTimePolicy.KeepWhenPageHasNone;

    /// <summary>
    /// The configuration venvstacks generates for one layer: its priority indexes first (made non-explicit), then the
    /// explicit indexes its package routing refers to, then the stack's common indexes (<c>default</c> or not
    /// <c>explicit</c>) not already listed; sources are the stack's common <c>sources</c> overridden by the layer's
    /// merged <c>package_indexes</c>.
    /// </summary>
    /// <param name="declaredIndexes">The stack's <c>[[tool.uv.index]]</c> entries in declaration order.</param>
    /// <param name="commonSources">The stack's <c>[tool.uv.sources]</c> (project → index name).</param>
    /// <param name="priorityIndexes">The layer's <c>priority_indexes</c>.</param>
    /// <param name="packageIndexes">The layer's merged <c>package_indexes</c> (project → index name).</param>
    /// <param name="findLinks">Local wheel folders and other find-links locations.</param>
    /// <param name="noIndex">Use only <paramref name="findLinks"/>.</param>
    /// <returns>The configuration.</returns>
    /// <remarks>Explicit indexes referenced only from <paramref name="commonSources"/> are listed as well (after those
    /// referenced by <paramref name="packageIndexes"/>): venvstacks leaves them out, which uv then rejects as an
    /// undeclared index.</remarks>
    /// <exception cref="PackageIndexException"><see cref="IndexErrorCode.UnknownIndex"/>: a name that no declared index has.</exception>
    public static IndexConfiguration ForLayer(
        IReadOnlyList<IndexSource> declaredIndexes,
        IReadOnlyDictionary<string, string> commonSources,
        IReadOnlyList<string> priorityIndexes,
        IReadOnlyDictionary<string, string> packageIndexes,
        IReadOnlyList<IndexSource>? findLinks = null,
        bool noIndex = false)
    {
        ArgumentNullException.ThrowIfNull(declaredIndexes);
        ArgumentNullException.ThrowIfNull(commonSources);
        ArgumentNullException.ThrowIfNull(priorityIndexes);
        ArgumentNullException.ThrowIfNull(packageIndexes);

        var named = new Dictionary<string, IndexSource>(StringComparer.Ordinal);
        foreach (var index in declaredIndexes.Where(i => i.Name is not null))
        {
            named.TryAdd(index.Name!, index);
        }

        IndexSource Named(string name, string context) => named.TryGetValue(name, out var index)
            ? index
            : throw new PackageIndexException(IndexErrorCode.UnknownIndex, $"{context} refers to index '{name}', which is not defined.");

        var list = new List<IndexSource>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in priorityIndexes)
        {
            if (listed.Add(name))
            {
                list.Add(Named(name, "priority_indexes") with { Explicit = false });
            }
        }

        foreach (var (project, name) in packageIndexes.Concat(commonSources))
        {
            var index = Named(name, $"The source of '{project}'");
            if (index.Explicit && listed.Add(name))
            {
                list.Add(index);
            }
        }

        list.AddRange(declaredIndexes.Where(i => (i.Default || !i.Explicit) && (i.Name is null || listed.Add(i.Name))));

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (project, name) in commonSources)
        {
            sources[NormalizedName.From(project).Value] = name;
        }

        foreach (var (project, name) in packageIndexes)
        {
            sources[NormalizedName.From(project).Value] = name;
        }

        return new IndexConfiguration(list, sources, findLinks, noIndex);
    }

    private static ImmutableArray<IndexSource> ComputeSearchOrder(ImmutableArray<IndexSource> indexes, bool noIndex)
    {
        if (noIndex)
        {
            return [];
        }

        var defaultIndex = indexes.FirstOrDefault(i => i.Default) ?? IndexSource.PyPI;
        var order = indexes.Where(i => !i.Default && !i.Explicit).ToList();
        if (!defaultIndex.Explicit)
        {
            order.Add(defaultIndex);
        }

        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        return order.Where(i => seenUrls.Add(i.Url.AbsoluteUri.TrimEnd('/'))).ToImmutableArray();
    }
}
