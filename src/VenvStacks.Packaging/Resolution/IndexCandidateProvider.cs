using System.Collections.Concurrent;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Wheels;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// The resolver's view of a <see cref="PackageFinder"/>: a project's files (after routing, find-links and
/// <c>exclude-newer</c>) grouped by version, wheel tags read from the file names, and metadata read through the
/// index client (PEP 658 file, else the wheel itself).
/// </summary>
/// <remarks>
/// A project that no index or find-links location has is reported as missing; one whose files were all dropped by
/// <c>exclude-newer</c> exists with no versions. Wheels whose file names carry no valid tags are left out. The finder
/// remembers projects, so one provider serves all per-platform passes of a lock.
/// </remarks>
public sealed class IndexCandidateProvider : IPackageCandidateProvider
{
    private readonly PackageFinder _finder;
    private readonly ConcurrentDictionary<string, IndexFile> _filesByUrl = new(StringComparer.Ordinal);

    /// <summary>Creates a provider over a finder.</summary>
    /// <param name="finder">Finds the files of a project and reads their metadata.</param>
    public IndexCandidateProvider(PackageFinder finder)
    {
        ArgumentNullException.ThrowIfNull(finder);
        _finder = finder;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(NormalizedName name, CancellationToken cancellationToken)
    {
        var found = await _finder.FindAsync(name.Value, cancellationToken).ConfigureAwait(false);
        if (found.Files.IsEmpty && found.ExcludedByUploadTime.IsEmpty)
        {
            return null;
        }

        var versions = new List<CandidateVersion>();
        foreach (var group in found.Files.GroupBy(file => file.Version))
        {
            var files = group.Select(ToDistributionFile).OfType<DistributionFile>().ToList();
            if (files.Count > 0)
            {
                versions.Add(new CandidateVersion(group.Key, [.. files]));
            }
        }

        return versions;
    }

    /// <inheritdoc/>
    public async Task<PackageMetadata> GetMetadataAsync(NormalizedName name, Version version, DistributionFile wheel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        if (wheel.Url is null || !_filesByUrl.TryGetValue(wheel.Url, out var file))
        {
            throw new ArgumentException($"{wheel.FileName} was not listed by this provider.", nameof(wheel));
        }

        var metadata = await _finder.GetMetadataAsync(file, cancellationToken).ConfigureAwait(false);
        return PackageMetadata.From(metadata);
    }

    private DistributionFile? ToDistributionFile(IndexFile file)
    {
        TagSet? tags = null;
        if (file.Kind == DistributionKind.Wheel)
        {
            if (!WheelFileName.TryParse(file.FileName, out var wheel))
            {
                return null;
            }

            tags = wheel.Tags;
        }

        var url = file.Url.AbsoluteUri;
        _filesByUrl[url] = file;
        return new DistributionFile(file.FileName)
        {
            WheelTags = tags,
            IsYanked = file.IsYanked,
            YankedReason = string.IsNullOrEmpty(file.YankedReason) ? null : file.YankedReason,
            RequiresPython = file.RequiresPythonSpecifiers,
            UploadTime = file.UploadTime,
            Url = url,
            Size = file.Size,
            Hashes = file.Hashes,
        };
    }
}
