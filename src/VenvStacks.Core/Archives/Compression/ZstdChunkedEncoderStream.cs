using System.Collections.Concurrent;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// A write-only stream that zstd-compresses on several threads by cutting its input into chunks of a size fixed by
/// the level (4 × the level's window, 8 MiB at level 3, at most 32 MiB) and compressing each into its own frame (with
/// content size and checksum), written in order — what zstd's <c>pzstd</c> does. The output is therefore the same
/// for any thread count, and a valid <c>.zst</c> for every zstd decoder (concatenated frames are part of the format).
/// ZstdSharp's own multi-threaded mode is not used: on the 2-core build machine it took about 1.7 times the CPU time
/// of these independent single-threaded contexts for the same 630 MB tar, and got slower with more workers.
/// At most <c>threads</c> chunks are compressed at once while the next one fills, so memory stays at about
/// <c>(2 × threads + 1) × chunk</c>.
/// </summary>
internal sealed class ZstdChunkedEncoderStream : Stream
{
    private const int MinChunkSize = 8 << 20;
    private const int MaxChunkSize = 32 << 20;

    private readonly Stream _destination;
    private readonly int _level;
    private readonly int _threads;
    private readonly int _chunkSize;
    private readonly Queue<Task<CompressedChunk>> _inFlight = new();
    private readonly ConcurrentBag<Compressor> _compressors = [];
    private readonly ConcurrentBag<byte[]> _chunks = [];
    private byte[]? _chunk;
    private int _count;
    private bool _wroteAny;
    private bool _finished;

    public ZstdChunkedEncoderStream(Stream destination, int level, int threads)
    {
        _destination = destination;
        _level = level;
        _threads = Math.Max(1, threads);
        _chunkSize = ChunkSize(level);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The chunk size for a level: 4 windows, as zstd sizes its own multi-threaded jobs, within 8–32 MiB.</summary>
    public static int ChunkSize(int level) =>
        (int)Math.Clamp(4L << (int)Methods.ZSTD_getCParams(level, 0, 0).windowLog, MinChunkSize, MaxChunkSize);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            _chunk ??= _chunks.TryTake(out var reused) ? reused : new byte[_chunkSize];
            var n = Math.Min(buffer.Length, _chunkSize - _count);
            buffer[..n].CopyTo(_chunk.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
            if (_count == _chunkSize)
            {
                Submit();
            }
        }
    }

    /// <summary>Compresses the last chunk and writes every frame still pending.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        // Even an empty input gets one (empty) frame, so that the output is a valid .zst.
        if (_count > 0 || !_wroteAny)
        {
            _chunk ??= [];
            Submit();
        }

        while (_inFlight.Count > 0)
        {
            WriteOldest();
        }

        _finished = true;
    }

    public override void Flush() => _destination.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Let abandoned chunks finish so that no compressor is freed under a worker.
            _finished = true;
            foreach (var task in _inFlight)
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            }

            _inFlight.Clear();
            foreach (var compressor in _compressors)
            {
                compressor.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Submit()
    {
        if (_inFlight.Count >= _threads)
        {
            WriteOldest();
        }

        var input = _chunk!;
        var length = _count;
        _chunk = null;
        _count = 0;
        _wroteAny = true;

        // A thread of its own per chunk: the pool may be short of threads (the archive writer holds one) and a chunk
        // is tens of milliseconds of work.
        _inFlight.Enqueue(Task.Factory.StartNew(() => Compress(input, length), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    private CompressedChunk Compress(byte[] input, int length)
    {
        if (!_compressors.TryTake(out var compressor))
        {
            compressor = new Compressor(_level);
            compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        }

        try
        {
            var output = new byte[Compressor.GetCompressBound(length)];
            var written = compressor.Wrap(input.AsSpan(0, length), output);
            return new CompressedChunk(output, written);
        }
        finally
        {
            _compressors.Add(compressor);
            if (input.Length == _chunkSize)
            {
                _chunks.Add(input);
            }
        }
    }

    private void WriteOldest()
    {
        var chunk = _inFlight.Dequeue().GetAwaiter().GetResult();
        _destination.Write(chunk.Output, 0, chunk.Length);
    }

    private readonly record struct CompressedChunk(byte[] Output, int Length);
}
