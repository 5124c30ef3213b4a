namespace VenvStacks.Core.Publishing;

/// <summary>The field names of published layer metadata that publishing reads or adds (docs/venvstacks-reference.md §4.5).</summary>
internal static class PublishMetadataKeys
{
    public const string LayerName = "layer_name";
    public const string InstallTarget = "install_target";
    public const string LockVersion = "lock_version";
    public const string ArchiveBuild = "archive_build";
    public const string ArchiveName = "archive_name";
    public const string TargetPlatform = "target_platform";
    public const string ArchiveSize = "archive_size";
    public const string ArchiveHashes = "archive_hashes";
    public const string Sha256 = "sha256";
    public const string Layers = "layers";

    /// <summary>The fields only a written archive has: not build inputs, so never compared (§4.2).</summary>
    public static bool IsArchiveResult(string key) => key is ArchiveSize or ArchiveHashes;
}
