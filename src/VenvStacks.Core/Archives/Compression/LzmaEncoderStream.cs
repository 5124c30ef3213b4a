using System.Runtime.InteropServices;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// A write-only stream that xz-compresses into another stream with liblzma's multi-threaded encoder. The encoder
/// cuts its input into blocks of a size fixed by the preset (3 × the dictionary size, 24 MiB at preset 6, as
/// <c>xz -T0</c> does), so the output is the same for any thread count. <see cref="Finish"/> ends the xz stream;
/// disposing without it abandons the output (as on cancellation) and only frees the encoder.
/// </summary>
internal sealed unsafe class LzmaEncoderStream : Stream
{
    private const int OutputBufferSize = 1 << 20;
    private const int CheckCrc64 = 4;

    private readonly Stream _destination;
    private readonly LzmaNative _lzma;
    private readonly string _archivePath;
    private readonly byte[] _output = new byte[OutputBufferSize];
    private LzmaStream* _stream;
    private bool _finished;

    private LzmaEncoderStream(Stream destination, LzmaNative lzma, string archivePath, LzmaStream* stream)
    {
        _destination = destination;
        _lzma = lzma;
        _archivePath = archivePath;
        _stream = stream;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished && _stream != null;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Starts an encoder writing to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the compressed bytes go; not disposed by this stream.</param>
    /// <param name="preset">xz preset 0–9.</param>
    /// <param name="threads">Encoder threads.</param>
    /// <param name="archivePath">The archive being written, for error messages.</param>
    public static LzmaEncoderStream Create(Stream destination, int preset, int threads, string archivePath)
    {
        var lzma = LzmaNative.Require(archivePath);
        var stream = (LzmaStream*)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream));
        var options = new LzmaMtOptions
        {
            Threads = (uint)threads,
            Preset = (uint)preset,
            Check = CheckCrc64,
        };
        var result = lzma.StreamEncoderMt(stream, &options);
        if (result != LzmaResult.Ok)
        {
            NativeMemory.Free(stream);
            throw LzmaErrors.Encoding(result, archivePath);
        }

        return new LzmaEncoderStream(destination, lzma, archivePath, stream);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_stream == null, this);
        fixed (byte* input = buffer)
        {
            _stream->NextIn = input;
            _stream->AvailIn = (nuint)buffer.Length;
            try
            {
                while (_stream->AvailIn > 0)
                {
                    Step(LzmaAction.Run);
                }
            }
            finally
            {
                _stream->NextIn = null;
                _stream->AvailIn = 0;
            }
        }
    }

    /// <summary>Compresses what is buffered and writes the end of the xz stream.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_stream == null, this);
        while (Step(LzmaAction.Finish) != LzmaResult.StreamEnd)
        {
        }

        _finished = true;
    }

    public override void Flush() => _destination.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_stream != null)
        {
            _lzma.End(_stream);
            NativeMemory.Free(_stream);
            _stream = null;
        }

        base.Dispose(disposing);
    }

    private LzmaResult Step(LzmaAction action)
    {
        LzmaResult result;
        int produced;
        fixed (byte* output = _output)
        {
            _stream->NextOut = output;
            _stream->AvailOut = OutputBufferSize;
            result = _lzma.Code(_stream, action);
            produced = OutputBufferSize - (int)_stream->AvailOut;
            _stream->NextOut = null;
            _stream->AvailOut = 0;
        }

        if (result is not (LzmaResult.Ok or LzmaResult.StreamEnd))
        {
            throw LzmaErrors.Encoding(result, _archivePath);
        }

        if (produced > 0)
        {
            _destination.Write(_output, 0, produced);
        }

        return result;
    }
}
