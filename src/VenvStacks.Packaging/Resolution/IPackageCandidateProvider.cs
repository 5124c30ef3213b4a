using VenvStacks.Packaging.Pep503;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Where the resolver learns what exists: the versions and files of a package, and the metadata of one version.
/// The package index client implements it; tests use in-memory catalogues.
/// </summary>
/// <remarks>
/// <para>
/// The resolver calls both methods concurrently (it prefetches the metadata of likely candidates while it works) and
/// asks for each package and each version at most once per resolution. Implementations should be safe for
/// concurrent use. Caching across resolutions (one per target platform) is the provider's business; wrap it in a
/// <see cref="CachingCandidateProvider"/> to share what was fetched.
/// </para>
/// <para>
/// Exceptions other than <see cref="OperationCanceledException"/> abort the resolution and reach the caller
/// unchanged when the resolver needs the answer; failures of speculative prefetches are ignored.
/// </para>
/// </remarks>
public interface IPackageCandidateProvider
{
    /// <summary>Lists every version of a package with its files, in any order.</summary>
    /// <param name="name">The normalised package name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The versions, or null when no package of that name exists. Versions that are not valid PEP 440
    /// versions are left out by the provider.</returns>
    Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(NormalizedName name, CancellationToken cancellationToken);

    /// <summary>Gets the core metadata of one version.</summary>
    /// <param name="name">The normalised package name.</param>
    /// <param name="version">A version returned by <see cref="ListVersionsAsync"/>.</param>
    /// <param name="wheel">The wheel the resolver would install on its target (the best ranked compatible one); a
    /// provider reads this wheel's metadata (PEP 658 file or the wheel's own <c>METADATA</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The metadata.</returns>
    Task<PackageMetadata> GetMetadataAsync(NormalizedName name, Version version, DistributionFile wheel, CancellationToken cancellationToken);
}
