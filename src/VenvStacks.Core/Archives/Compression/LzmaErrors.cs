using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>Turns liblzma's return codes into coded errors naming the archive.</summary>
internal static class LzmaErrors
{
    public static ArchiveException Encoding(LzmaResult result, string archivePath) => result switch
    {
        LzmaResult.MemError => Failed(archivePath, "liblzma ran out of memory (each encoder thread needs about 100 MiB at preset 6); use fewer threads or a lower preset"),
        LzmaResult.OptionsError => Failed(archivePath, "liblzma rejected the encoder options (preset or thread count)"),
        LzmaResult.UnsupportedCheck => Failed(archivePath, "this liblzma does not support the CRC64 integrity check"),
        _ => Failed(archivePath, $"liblzma failed with code {(int)result} ({result})"),
    };

    public static ArchiveException Decoding(LzmaResult result, string archivePath) => result switch
    {
        LzmaResult.FormatError => Corrupt(archivePath, "it is not an xz stream"),
        LzmaResult.DataError => Corrupt(archivePath, "the xz data is corrupt"),
        LzmaResult.BufError => Corrupt(archivePath, "the xz stream is truncated"),
        LzmaResult.OptionsError => Corrupt(archivePath, "the xz stream uses options this liblzma does not support"),
        LzmaResult.MemError => new ArchiveException(DiagnosticCodes.ArchiveCorrupt, archivePath, null, "liblzma ran out of memory while decompressing"),
        _ => Corrupt(archivePath, $"liblzma failed with code {(int)result} ({result})"),
    };

    private static ArchiveException Failed(string archivePath, string detail) =>
        new(DiagnosticCodes.ArchiveCompressionFailed, archivePath, null, detail + ".");

    private static ArchiveException Corrupt(string archivePath, string detail) =>
        new(DiagnosticCodes.ArchiveCorrupt, archivePath, null, $"cannot be decompressed: {detail}.");
}
