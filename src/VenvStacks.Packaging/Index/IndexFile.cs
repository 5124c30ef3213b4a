using System.Collections.Immutable;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.SimpleRepositoryApi;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// One distribution file an index (or find-links location) lists for a project, with everything the index said about
/// it. <see cref="Url"/> is free of credentials and fragments, so it can be written into a lock file as is.
/// </summary>
public sealed record IndexFile
{
    /// <summary>The file name, for example <c>demo_lib-1.0-py3-none-any.whl</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>Wheel or sdist.</summary>
    public required DistributionKind Kind { get; init; }

    /// <summary>The normalised project name from the file name.</summary>
    public required NormalizedName Name { get; init; }

    /// <summary>The version from the file name.</summary>
    public required Version Version { get; init; }

    /// <summary>Where to get the file: credential-free, without fragment (<c>file://</c> for local files).</summary>
    public required Uri Url { get; init; }

    /// <summary>The index or find-links location that listed the file.</summary>
    public required IndexSource Source { get; init; }

    /// <summary>Advertised digests, algorithm (lower case) → hex (lower case). Empty for local files and indexes
    /// that give none; <see cref="IndexClient.DownloadAsync(IndexFile, CancellationToken)"/> computes the sha256 in that case.</summary>
    public ImmutableDictionary<string, string> Hashes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The <c>requires-python</c> text as published (HTML-unescaped), or null.</summary>
    public string? RequiresPython { get; init; }

    /// <summary>Null when the file is not yanked; otherwise the PEP 592 reason (empty when none was given).</summary>
    public string? YankedReason { get; init; }

    /// <summary>The PEP 658/714 metadata file, when the index offers one.</summary>
    public CoreMetadataFile? CoreMetadata { get; init; }

    /// <summary>The PEP 700 upload time, when the index reports one.</summary>
    public DateTimeOffset? UploadTime { get; init; }

    /// <summary>The size in bytes, when known (PEP 700, or the local file's length).</summary>
    public long? Size { get; init; }

    /// <summary>The local path of a file in a find-links folder, or null.</summary>
    public string? LocalPath { get; init; }

    /// <summary>The advertised sha256, or null.</summary>
    public string? Sha256 => Hashes.GetValueOrDefault("sha256");

    /// <summary>Whether the file is yanked (PEP 592): a resolver skips it unless the version is pinned exactly.</summary>
    public bool IsYanked => YankedReason is not null;

    /// <summary>The parsed <see cref="RequiresPython"/>; null when absent or unparseable (such values are ignored, as
    /// pip and uv do).</summary>
    public SpecifierSet? RequiresPythonSpecifiers =>
        RequiresPython is not null && SpecifierSet.TryParse(RequiresPython, out var specifiers) ? specifiers : null;

    /// <summary>Credentials embedded in the file's link by the index, sent only to the link's own origin.</summary>
    internal IndexCredentials? LinkCredentials { get; init; }
}
