using System.Buffers;

namespace VenvStacks.Core.Archives.Writing;

/// <summary>
/// Collects the uncompressed archive stream in one fixed 1 MiB block, so that the compressor is fed large writes
/// and file data is read straight into the block; memory stays the same whatever the archive's size. Each time the
/// block is handed on, <c>onFlushed</c> runs (the writer checks cancellation and reports progress there).
/// </summary>
internal sealed class OutputBuffer : IDisposable
{
    public const int Capacity = 1 << 20;

    private readonly Stream _destination;
    private readonly Action _onFlushed;
    private byte[]? _block = ArrayPool<byte>.Shared.Rent(Capacity);
    private int _count;

    public OutputBuffer(Stream destination, Action onFlushed)
    {
        _destination = destination;
        _onFlushed = onFlushed;
    }

    /// <summary>Bytes accepted so far.</summary>
    public long Total { get; private set; }

    /// <summary>Free space of at least <paramref name="sizeHint"/> bytes (at most <see cref="Capacity"/>).</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sizeHint, Capacity);
        if (Capacity - _count < Math.Max(1, sizeHint))
        {
            Flush();
        }

        return Block.AsSpan(_count, Capacity - _count);
    }

    public void Advance(int count)
    {
        _count += count;
        Total += count;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var span = GetSpan(1);
            var n = Math.Min(span.Length, data.Length);
            data[..n].CopyTo(span);
            Advance(n);
            data = data[n..];
        }
    }

    public void WriteZeros(long count)
    {
        while (count > 0)
        {
            var span = GetSpan(1);
            var n = (int)Math.Min(span.Length, count);
            span[..n].Clear();
            Advance(n);
            count -= n;
        }
    }

    public void Flush()
    {
        if (_count > 0)
        {
            _destination.Write(Block, 0, _count);
            _count = 0;
            _onFlushed();
        }
    }

    public void Dispose()
    {
        if (_block is not null)
        {
            ArrayPool<byte>.Shared.Return(_block);
            _block = null;
        }
    }

    private byte[] Block => _block ?? throw new ObjectDisposedException(nameof(OutputBuffer));
}
