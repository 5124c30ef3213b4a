using System.IO.Compression;
using ZstdSharp;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>Opens the decompressor of a tar-based format over an archive file.</summary>
internal static class ArchiveDecoder
{
    /// <summary>The uncompressed tar stream of <paramref name="source"/>; disposing it does not dispose the source.</summary>
    public static Stream Open(ArchiveFormat format, Stream source, string archivePath) => format switch
    {
        ArchiveFormat.Tar => source,
        ArchiveFormat.TarXz => LzmaDecoderStream.Create(source, archivePath),
        ArchiveFormat.TarZst => new DecompressionStream(source, leaveOpen: true),
        ArchiveFormat.TarGz => new GZipStream(source, CompressionMode.Decompress, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a tar format"),
    };
}
