namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// A write-only stream that xz-compresses into another stream with liblzma's multi-threaded encoder. The encoder
/// cuts its input into blocks of a size fixed by the preset (3 × the dictionary size, 24 MiB at preset 6, as
/// <c>xz -T0</c> does), so the output is the same for any thread count, and the same bytes <c>xz</c> writes.
/// <see cref="Finish"/> ends the xz stream; disposing without it abandons the output (as on cancellation) and only
/// frees the encoder.
/// </summary>
internal sealed unsafe class LzmaEncoderStream : LzmaCodecStream
{
    private const int OutputBufferSize = 1 << 20;
    private const int CheckCrc64 = 4;

    private readonly Stream _destination;
    private readonly byte[] _output = new byte[OutputBufferSize];
    private bool _finished;

    private LzmaEncoderStream(Stream destination, LzmaNative lzma, string archivePath, LzmaStream* stream)
        : base(lzma, archivePath, stream) => _destination = destination;

    public override bool CanRead => false;

    public override bool CanWrite => !_finished && Native != null;

    /// <summary>Starts an encoder writing to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the compressed bytes go; not disposed by this stream.</param>
    /// <param name="preset">xz preset 0–9.</param>
    /// <param name="threads">Encoder threads.</param>
    /// <param name="archivePath">The archive being written, for error messages.</param>
    public static LzmaEncoderStream Create(Stream destination, int preset, int threads, string archivePath)
    {
        var lzma = LzmaNative.Require(archivePath);
        var stream = Initialize(
            s =>
            {
                var options = new LzmaMtOptions { Threads = (uint)threads, Preset = (uint)preset, Check = CheckCrc64 };
                return lzma.StreamEncoderMt((LzmaStream*)s, &options);
            },
            r => LzmaErrors.Encoding(r, archivePath));
        return new LzmaEncoderStream(destination, lzma, archivePath, stream);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfDisposed();
        fixed (byte* input = buffer)
        {
            Native->NextIn = input;
            Native->AvailIn = (nuint)buffer.Length;
            try
            {
                while (Native->AvailIn > 0)
                {
                    Step(LzmaAction.Run);
                }
            }
            finally
            {
                Native->NextIn = null;
                Native->AvailIn = 0;
            }
        }
    }

    /// <summary>Compresses what is buffered and writes the end of the xz stream.</summary>
    public void Finish()
    {
        ThrowIfDisposed();
        while (Step(LzmaAction.Finish) != LzmaResult.StreamEnd)
        {
        }

        _finished = true;
    }

    public override void Flush() => _destination.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private LzmaResult Step(LzmaAction action)
    {
        LzmaResult result;
        int produced;
        fixed (byte* output = _output)
        {
            Native->NextOut = output;
            Native->AvailOut = OutputBufferSize;
            result = Lzma.Code(Native, action);
            produced = OutputBufferSize - (int)Native->AvailOut;
            Native->NextOut = null;
            Native->AvailOut = 0;
        }

        if (result is not (LzmaResult.Ok or LzmaResult.StreamEnd))
        {
            throw LzmaErrors.Encoding(result, ArchivePath);
        }

        if (produced > 0)
        {
            _destination.Write(_output, 0, produced);
        }

        return result;
    }
}
