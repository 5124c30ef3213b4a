using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Publishing;

/// <summary>One layer of a publish, in manifest order.</summary>
/// <param name="BuildName">The build name (<c>layer_name</c>).</param>
/// <param name="Kind">Runtime, framework or application.</param>
/// <param name="Action">What was done.</param>
/// <param name="ArchiveBuild">The <c>archive_build</c> number.</param>
/// <param name="ArchivePath">The archive file (for a dry run, where it would be written).</param>
/// <param name="MetadataPath">The layer's metadata file in <c>__venvstacks__/env_metadata/</c> (not written in a dry run).</param>
/// <param name="MetadataJson">The layer's metadata as published (a dry run's has no archive size or hashes).</param>
/// <param name="Statistics">The figures of the archive written in this run, if one was.</param>
public sealed record LayerPublication(
    string BuildName,
    LayerKind Kind,
    LayerPublishAction Action,
    int ArchiveBuild,
    string ArchivePath,
    string MetadataPath,
    string MetadataJson,
    ArchiveStatistics? Statistics);
