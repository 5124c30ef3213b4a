using System.Buffers.Binary;
using System.IO.Compression;
using VenvStacks.Core.Archives.Zip;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// A write-only gzip stream with a fixed header: no name, time 0 and operating system 255 ("unknown", as CPython's
/// gzip writes it). <see cref="GZipStream"/> stores the OS the runtime was built for (3 on Unix, 10 on Windows), which
/// would make the same tree's <c>.tar.gz</c> differ between platforms.
/// </summary>
internal sealed class GzipEncoderStream : Stream
{
    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    private readonly Stream _destination;
    private readonly DeflateStream _deflate;
    private uint _crc;
    private long _length;
    private bool _finished;

    public GzipEncoderStream(Stream destination, CompressionLevel level)
    {
        _destination = destination;
        _destination.Write(Header);
        _deflate = new DeflateStream(destination, level, leaveOpen: true);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc = Crc32.Append(_crc, buffer);
        _length += buffer.Length;
        _deflate.Write(buffer);
    }

    /// <summary>Ends the deflate stream and writes the CRC-32 and length trailer.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _deflate.Dispose();
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
        _destination.Write(trailer);
    }

    public override void Flush() => _destination.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate.Dispose();
        }

        base.Dispose(disposing);
    }
}
