using System.Text.Json.Nodes;
using VenvStacks.Core.Json;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// The archive build decision for one layer (docs/venvstacks-reference.md §4.2): the build metadata (the layer's
/// details plus <c>archive_build</c>, <c>archive_name</c> and <c>target_platform</c>) and whether the archive must be
/// made. The count starts from the previous <c>archive_build</c> when the previous <c>lock_version</c> is the current
/// one, else from 0 (so versioned layers restart at 1 with each lock version and unversioned ones keep counting). A new
/// archive, numbered one more, is needed when forced, without previous metadata, when the archive file is missing or
/// was named otherwise, or when any build-metadata value differs; otherwise the previous metadata stands as it is.
/// </summary>
/// <param name="BuildMetadata">The build metadata (no <c>archive_size</c> or <c>archive_hashes</c>).</param>
/// <param name="NeedsArchive">Whether the archive must be made.</param>
/// <param name="Previous">The previous metadata, kept verbatim when no archive is needed.</param>
internal sealed record ArchiveBuildPlan(JsonObject BuildMetadata, bool NeedsArchive, JsonObject? Previous)
{
    /// <summary>The archive build number.</summary>
    public int ArchiveBuild => BuildMetadata[PublishMetadataKeys.ArchiveBuild]!.GetValue<int>();

    /// <summary>The archive file name.</summary>
    public string ArchiveName => BuildMetadata[PublishMetadataKeys.ArchiveName]!.GetValue<string>();

    /// <summary>Decides for one layer.</summary>
    /// <param name="layerDetails">The layer's metadata fields common to build, export and publish (§4.5).</param>
    /// <param name="naming">The naming rules in force.</param>
    /// <param name="previous">The previously published metadata, or null.</param>
    /// <param name="force">Whether a new archive is wanted anyway.</param>
    public static ArchiveBuildPlan Decide(JsonObject layerDetails, PublishNaming naming, JsonObject? previous, bool force)
    {
        ArgumentNullException.ThrowIfNull(layerDetails);
        ArgumentNullException.ThrowIfNull(naming);
        var installTarget = layerDetails[PublishMetadataKeys.InstallTarget]!.GetValue<string>();
        var lockVersion = layerDetails[PublishMetadataKeys.LockVersion]!.GetValue<int>();
        var lastBuild = previous is not null && IntField(previous, PublishMetadataKeys.LockVersion) == lockVersion
            ? IntField(previous, PublishMetadataKeys.ArchiveBuild) ?? 0
            : 0;

        var metadata = (JsonObject)layerDetails.DeepClone();
        metadata[PublishMetadataKeys.ArchiveBuild] = lastBuild;
        metadata[PublishMetadataKeys.ArchiveName] = naming.ArchiveFileName(installTarget, lastBuild);
        metadata[PublishMetadataKeys.TargetPlatform] = naming.Platform.Name;
        var needsArchive = force
            || previous is null
            || !File.Exists(naming.ArchivePath(naming.ArchiveFileName(installTarget, lastBuild)))
            || Differs(metadata, previous);
        if (needsArchive)
        {
            metadata[PublishMetadataKeys.ArchiveBuild] = lastBuild + 1;
            metadata[PublishMetadataKeys.ArchiveName] = naming.ArchiveFileName(installTarget, lastBuild + 1);
        }

        return new ArchiveBuildPlan(metadata, needsArchive, needsArchive ? null : previous);
    }

    // The archive name is one of the compared fields. Unlike venvstacks 0.8, which compares only the fields it sets
    // before adding the kind-specific ones, every field counts both ways: a changed launch module hash or a support
    // module that went away makes a new archive too.
    private static bool Differs(JsonObject metadata, JsonObject previous)
    {
        var keys = metadata.Select(p => p.Key)
            .Concat(previous.Select(p => p.Key).Where(k => !PublishMetadataKeys.IsArchiveResult(k)))
            .Distinct(StringComparer.Ordinal);
        return keys.Any(key => !previous.ContainsKey(key) || !metadata.ContainsKey(key)
            || PythonJson.Serialize(metadata[key]) != PythonJson.Serialize(previous[key]));
    }

    private static int? IntField(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
