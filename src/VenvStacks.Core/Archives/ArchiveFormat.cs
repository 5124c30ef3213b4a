namespace VenvStacks.Core.Archives;

/// <summary>The archive formats the layer archives, runtime downloads and test helpers use.</summary>
public enum ArchiveFormat
{
    /// <summary><c>.tar.xz</c>: venvstacks' layer archive format everywhere but Windows.</summary>
    TarXz,

    /// <summary><c>.tar.zst</c>: a faster alternative for layer archives.</summary>
    TarZst,

    /// <summary><c>.tar.gz</c>: python-build-standalone's runtime archives.</summary>
    TarGz,

    /// <summary><c>.tar</c>: uncompressed.</summary>
    Tar,

    /// <summary><c>.zip</c>: venvstacks' layer archive format on Windows.</summary>
    Zip,
}
