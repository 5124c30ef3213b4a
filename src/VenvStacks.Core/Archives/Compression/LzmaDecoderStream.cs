namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// A read-only stream that decompresses an xz stream (concatenated streams included, as <c>xz -d</c> accepts) with
/// liblzma. Damaged or truncated input is VSTK4005 naming the archive.
/// </summary>
internal sealed unsafe class LzmaDecoderStream : LzmaCodecStream
{
    private const int InputBufferSize = 1 << 16;
    private const uint Concatenated = 0x08;

    private readonly Stream _source;
    private readonly byte[] _input = new byte[InputBufferSize];
    private int _inputOffset;
    private int _inputCount;
    private bool _sourceEnded;
    private bool _streamEnded;

    private LzmaDecoderStream(Stream source, LzmaNative lzma, string archivePath, LzmaStream* stream)
        : base(lzma, archivePath, stream) => _source = source;

    public override bool CanRead => Native != null;

    public override bool CanWrite => false;

    /// <summary>Starts a decoder reading from <paramref name="source"/>, which this stream does not dispose.</summary>
    public static LzmaDecoderStream Create(Stream source, string archivePath)
    {
        var lzma = LzmaNative.Require(archivePath);
        var stream = Initialize(s => lzma.StreamDecoder((LzmaStream*)s, ulong.MaxValue, Concatenated), r => LzmaErrors.Decoding(r, archivePath));
        return new LzmaDecoderStream(source, lzma, archivePath, stream);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfDisposed();
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
                Native->NextIn = input + _inputOffset;
                Native->AvailIn = (nuint)_inputCount;
                Native->NextOut = output;
                Native->AvailOut = (nuint)buffer.Length;
                result = Lzma.Code(Native, _sourceEnded ? LzmaAction.Finish : LzmaAction.Run);
                consumed = _inputCount - (int)Native->AvailIn;
                produced = buffer.Length - (int)Native->AvailOut;
                Native->NextIn = null;
                Native->NextOut = null;
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
                throw LzmaErrors.Decoding(result, ArchivePath);
            }

            if (produced > 0)
            {
                return produced;
            }

            if (_sourceEnded && consumed == 0)
            {
                throw LzmaErrors.Decoding(LzmaResult.BufError, ArchivePath);
            }
        }
    }

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
