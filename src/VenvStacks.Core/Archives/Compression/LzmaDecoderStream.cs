using System.Runtime.InteropServices;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// A read-only stream that decompresses an xz stream (concatenated streams included, as <c>xz -d</c> accepts) with
/// liblzma. Damaged or truncated input is VSTK4005 naming the archive.
/// </summary>
internal sealed unsafe class LzmaDecoderStream : Stream
{
    private const int InputBufferSize = 1 << 16;
    private const uint Concatenated = 0x08;

    private readonly Stream _source;
    private readonly LzmaNative _lzma;
    private readonly string _archivePath;
    private readonly byte[] _input = new byte[InputBufferSize];
    private LzmaStream* _stream;
    private int _inputOffset;
    private int _inputCount;
    private bool _sourceEnded;
    private bool _streamEnded;

    private LzmaDecoderStream(Stream source, LzmaNative lzma, string archivePath, LzmaStream* stream)
    {
        _source = source;
        _lzma = lzma;
        _archivePath = archivePath;
        _stream = stream;
    }

    public override bool CanRead => _stream != null;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Starts a decoder reading from <paramref name="source"/>, which this stream does not dispose.</summary>
    public static LzmaDecoderStream Create(Stream source, string archivePath)
    {
        var lzma = LzmaNative.Require(archivePath);
        var stream = (LzmaStream*)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream));
        var result = lzma.StreamDecoder(stream, ulong.MaxValue, Concatenated);
        if (result != LzmaResult.Ok)
        {
            NativeMemory.Free(stream);
            throw LzmaErrors.Decoding(result, archivePath);
        }

        return new LzmaDecoderStream(source, lzma, archivePath, stream);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_stream == null, this);
        if (_streamEnded || buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (_inputCount == 0 && !_sourceEnded)
            {
                _inputOffset = 0;
                _inputCount = _source.Read(_input, 0, InputBufferSize);
                _sourceEnded = _inputCount == 0;
            }

            LzmaResult result;
            int consumed, produced;
            fixed (byte* input = _input)
            fixed (byte* output = buffer)
            {
                _stream->NextIn = input + _inputOffset;
                _stream->AvailIn = (nuint)_inputCount;
                _stream->NextOut = output;
                _stream->AvailOut = (nuint)buffer.Length;
                result = _lzma.Code(_stream, _sourceEnded ? LzmaAction.Finish : LzmaAction.Run);
                consumed = _inputCount - (int)_stream->AvailIn;
                produced = buffer.Length - (int)_stream->AvailOut;
                _stream->NextIn = null;
                _stream->NextOut = null;
            }

            _inputOffset += consumed;
            _inputCount -= consumed;
            if (result == LzmaResult.StreamEnd)
            {
                _streamEnded = true;
                return produced;
            }

            if (result != LzmaResult.Ok)
            {
                throw LzmaErrors.Decoding(result, _archivePath);
            }

            if (produced > 0)
            {
                return produced;
            }

            if (_sourceEnded && consumed == 0)
            {
                throw LzmaErrors.Decoding(LzmaResult.BufError, _archivePath);
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
}
