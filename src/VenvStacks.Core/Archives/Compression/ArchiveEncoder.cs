using System.IO.Compression;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// The compressor between a tar stream and the archive file. <see cref="Finish"/> writes the compressed stream's
/// end; disposing without finishing releases the compressor and leaves the output incomplete (it is deleted).
/// </summary>
internal sealed class ArchiveEncoder : IDisposable
{
    private readonly Action _finish;
    private readonly IDisposable? _owned;
    private bool _finished;

    private ArchiveEncoder(Stream input, Action finish, IDisposable? owned)
    {
        Input = input;
        _finish = finish;
        _owned = owned;
    }

    /// <summary>Where the uncompressed tar bytes are written.</summary>
    public Stream Input { get; }

    /// <summary>A compressor for a tar-based <paramref name="format"/> writing into <paramref name="output"/>.</summary>
    public static ArchiveEncoder Create(ArchiveFormat format, Stream output, ArchiveCompression compression, string archivePath)
    {
        var level = compression.EffectiveLevel(format);
        switch (format)
        {
            case ArchiveFormat.Tar:
                return new ArchiveEncoder(output, () => { }, null);
            case ArchiveFormat.TarXz:
                var xz = LzmaEncoderStream.Create(output, level, compression.EffectiveThreads, archivePath);
                return new ArchiveEncoder(xz, xz.Finish, xz);
            case ArchiveFormat.TarZst:
                var zstd = new ZstdChunkedEncoderStream(output, level, compression.EffectiveThreads);
                return new ArchiveEncoder(zstd, zstd.Finish, zstd);
            case ArchiveFormat.TarGz:
                var gzip = new GzipEncoderStream(output, DeflateLevel(level));
                return new ArchiveEncoder(gzip, gzip.Finish, gzip);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a tar format");
        }
    }

    /// <summary>The .NET deflate level closest to zlib level 0–9.</summary>
    public static CompressionLevel DeflateLevel(int level) => level switch
    {
        <= 0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        <= 8 => CompressionLevel.Optimal,
        _ => CompressionLevel.SmallestSize,
    };

    /// <summary>Ends the compressed stream.</summary>
    public void Finish()
    {
        if (!_finished)
        {
            _finished = true;
            _finish();
        }
    }

    public void Dispose()
    {
        _finished = true;
        _owned?.Dispose();
    }
}
