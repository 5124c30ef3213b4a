using System.Runtime.InteropServices;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// What the xz encoder and decoder streams share: a liblzma <c>lzma_stream</c> in native memory (liblzma keeps
/// pointers into it, so it must not move), freed with <c>lzma_end</c> on disposal; no seeking.
/// </summary>
internal abstract unsafe class LzmaCodecStream : Stream
{
    protected LzmaCodecStream(LzmaNative lzma, string archivePath, LzmaStream* stream)
    {
        Lzma = lzma;
        ArchivePath = archivePath;
        Native = stream;
    }

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    protected LzmaNative Lzma { get; }

    /// <summary>The archive being written or read, for error messages.</summary>
    protected string ArchivePath { get; }

    /// <summary>The native stream; null once disposed.</summary>
    protected LzmaStream* Native { get; private set; }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>A zeroed <c>lzma_stream</c> (<c>LZMA_STREAM_INIT</c>) set up by <paramref name="initialize"/>, or freed
    /// again and the failure thrown.</summary>
    protected static LzmaStream* Initialize(Func<nint, LzmaResult> initialize, Func<LzmaResult, ArchiveException> failure)
    {
        var stream = (LzmaStream*)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream));
        var result = initialize((nint)stream);
        if (result != LzmaResult.Ok)
        {
            NativeMemory.Free(stream);
            throw failure(result);
        }

        return stream;
    }

    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Native == null, this);

    protected override void Dispose(bool disposing)
    {
        if (Native != null)
        {
            Lzma.End(Native);
            NativeMemory.Free(Native);
            Native = null;
        }

        base.Dispose(disposing);
    }
}
