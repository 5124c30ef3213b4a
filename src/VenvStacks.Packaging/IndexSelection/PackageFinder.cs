using System.Collections.Immutable;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.IndexSelection;

/// <summary>
/// Finds the files a resolver may use for a project under an <see cref="IndexConfiguration"/>: routing
/// (<c>sources</c>), uv's first-index strategy, find-links, and <c>exclude-newer</c>. Results are remembered per
/// project for the finder's lifetime, so the per-platform passes of one lock see the same files.
/// </summary>
/// <param name="client">The client that fetches pages, metadata and files.</param>
/// <param name="configuration">Where packages come from.</param>
public sealed class PackageFinder(IndexClient client, IndexConfiguration configuration)
{
    private readonly AsyncMemo<NormalizedName, PackageCandidates> _found = new();

    /// <summary>The configuration in effect.</summary>
    public IndexConfiguration Configuration { get; } = configuration ?? throw new ArgumentNullException(nameof(configuration));

    /// <summary>The client in use.</summary>
    public IndexClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The candidate files of a project.</summary>
    /// <param name="projectName">The project name in any spelling.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The candidates; <see cref="PackageCandidates.Files"/> is empty when no index or find-links location has
    /// the project.</returns>
    /// <exception cref="PackageIndexException">An index failed (a 404 is not a failure: it means "not here").</exception>
    public Task<PackageCandidates> FindAsync(string projectName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectName);
        var name = NormalizedName.From(projectName);
        return _found.GetAsync(name, token => LookUpAsync(name, token), cancellationToken);
    }

    /// <summary>The metadata of a candidate file (see <see cref="IndexClient.GetMetadataAsync"/>).</summary>
    public Task<DistributionMetadata> GetMetadataAsync(IndexFile file, CancellationToken cancellationToken = default) =>
        Client.GetMetadataAsync(file, cancellationToken);

    /// <summary>A candidate file on local disk, verified (see <see cref="IndexClient.DownloadAsync(IndexFile, CancellationToken)"/>).</summary>
    public Task<DownloadedFile> DownloadAsync(IndexFile file, CancellationToken cancellationToken = default) =>
        Client.DownloadAsync(file, cancellationToken);

    private async Task<PackageCandidates> LookUpAsync(NormalizedName name, CancellationToken cancellationToken)
    {
        var findLinks = Task.WhenAll(Configuration.FindLinks.Select(location => Client.GetProjectAsync(location, name.Value, cancellationToken)));

        var routed = Configuration.Sources.TryGetValue(name, out var route) && !Configuration.NoIndex;
        ProjectPage? page;
        try
        {
            page = await FromIndexesAsync(name, routed ? route : null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The index failure is the one reported; the find-links lookups still have to be observed.
            await Task.WhenAny(findLinks).ConfigureAwait(false);
            _ = findLinks.Exception;
            throw;
        }

        var (kept, excluded) = page is null ? ([], []) : ApplyExcludeNewer(page);
        var local = (await findLinks.ConfigureAwait(false)).Where(p => p is not null).SelectMany(p => p!.Files);
        return new PackageCandidates(name, kept.Concat(local).ToImmutableArray(), page?.Source, excluded)
        {
            Routed = routed,
        };
    }

    private async Task<ProjectPage?> FromIndexesAsync(NormalizedName name, IndexSource? route, CancellationToken cancellationToken)
    {
        if (Configuration.NoIndex)
        {
            return null;
        }

        if (route is not null)
        {
            return await Client.GetProjectAsync(route, name.Value, cancellationToken).ConfigureAwait(false);
        }

        foreach (var index in Configuration.SearchOrder)
        {
            var page = await Client.GetProjectAsync(index, name.Value, cancellationToken).ConfigureAwait(false);
            if (page is not null)
            {
                return page;
            }
        }

        return null;
    }

    private (ImmutableArray<IndexFile> Kept, ImmutableArray<IndexFile> Excluded) ApplyExcludeNewer(ProjectPage page)
    {
        // Flat locations carry no upload times; like uv, the cut-off only applies to simple indexes.
        if (Configuration.ExcludeNewer is not { } cutoff || page.Format is PageFormat.FlatHtml or PageFormat.Directory)
        {
            return (page.Files, []);
        }

        var keepUndated = Configuration.MissingUploadTime == MissingUploadTimePolicy.KeepWhenPageHasNone && !page.HasUploadTimes;
        var kept = ImmutableArray.CreateBuilder<IndexFile>();
        var excluded = ImmutableArray.CreateBuilder<IndexFile>();
        foreach (var file in page.Files)
        {
            var keep = file.UploadTime is { } uploaded ? uploaded < cutoff : keepUndated;
            (keep ? kept : excluded).Add(file);
        }

        return (kept.ToImmutable(), excluded.ToImmutable());
    }
}
