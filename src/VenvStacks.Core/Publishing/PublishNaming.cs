using System.Globalization;
using VenvStacks.Core.Archives;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// The names of published files (docs/venvstacks-reference.md §4.2): archives <c>&lt;install_target&gt;&lt;ext&gt;</c>,
/// or <c>&lt;install_target&gt;-&lt;platform&gt;-&lt;archive_build&gt;&lt;ext&gt;</c> with tagged outputs; the manifest
/// <c>__venvstacks__/venvstacks[-&lt;platform&gt;].json</c>; per-layer metadata
/// <c>__venvstacks__/env_metadata/&lt;build name&gt;[-&lt;platform&gt;].json</c>.
/// </summary>
/// <param name="OutputDirectory">The publish output folder (absolute).</param>
/// <param name="Platform">The platform published for.</param>
/// <param name="Format">The archive format.</param>
/// <param name="TagOutputs">Whether names carry the platform (and archives the build number).</param>
public sealed record PublishNaming(string OutputDirectory, TargetPlatform Platform, ArchiveFormat Format, bool TagOutputs)
{
    /// <summary>The metadata folder's name.</summary>
    public const string MetadataDirectoryName = "__venvstacks__";

    /// <summary>The per-layer metadata folder's name, inside <see cref="MetadataDirectoryName"/>.</summary>
    public const string LayerMetadataDirectoryName = "env_metadata";

    /// <summary><c>-&lt;platform&gt;</c> with tagged outputs, else empty.</summary>
    public string PlatformSuffix => TagOutputs ? "-" + Platform.Name : string.Empty;

    /// <summary><c>__venvstacks__/</c> in the output folder.</summary>
    public string MetadataDirectory => Path.Combine(OutputDirectory, MetadataDirectoryName);

    /// <summary>The manifest file.</summary>
    public string ManifestPath => Path.Combine(MetadataDirectory, $"venvstacks{PlatformSuffix}.json");

    /// <summary>venvstacks' archive format for layers of <paramref name="platform"/>: zip on Windows, tar.xz elsewhere.</summary>
    public static ArchiveFormat DefaultFormat(TargetPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.OperatingSystem == TargetOperatingSystem.Windows ? ArchiveFormat.Zip : ArchiveFormat.TarXz;
    }

    /// <summary>The archive file name of a layer at a build number.</summary>
    public string ArchiveFileName(string installTarget, int archiveBuild) =>
        (TagOutputs ? string.Create(CultureInfo.InvariantCulture, $"{installTarget}-{Platform.Name}-{archiveBuild}") : installTarget)
        + ArchiveFormats.Extension(Format);

    /// <summary>The archive file of that name in the output folder.</summary>
    public string ArchivePath(string archiveFileName) => Path.Combine(OutputDirectory, archiveFileName);

    /// <summary>A layer's metadata file, named after its build name.</summary>
    public string LayerMetadataPath(string buildName) =>
        Path.Combine(MetadataDirectory, LayerMetadataDirectoryName, buildName + PlatformSuffix + ".json");
}
