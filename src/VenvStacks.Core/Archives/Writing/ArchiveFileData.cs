using Microsoft.Win32.SafeHandles;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives.Writing;

/// <summary>
/// The bytes of one file being archived: an open source file or bytes in memory. The length is taken once, from the
/// open file, and the header written with it; a file that then delivers fewer bytes changed while it was archived
/// (VSTK4010).
/// </summary>
internal sealed class ArchiveFileData : IDisposable
{
    private readonly SafeFileHandle? _handle;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string _archivePath;

    private ArchiveFileData(SafeFileHandle? handle, ReadOnlyMemory<byte> bytes, long length, string relativePath, string archivePath)
    {
        _handle = handle;
        _bytes = bytes;
        Length = length;
        RelativePath = relativePath;
        _archivePath = archivePath;
    }

    public long Length { get; }

    public string RelativePath { get; }

    /// <summary>Opens the file an item names.</summary>
    public static ArchiveFileData Open(ArchiveItem item, string archivePath)
    {
        if (item.Content is { } content)
        {
            return new ArchiveFileData(null, content, content.Length, item.RelativePath, archivePath);
        }

        var path = item.SourcePath!;
        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            return new ArchiveFileData(handle, default, RandomAccess.GetLength(handle), item.RelativePath, archivePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, archivePath, item.RelativePath, $"cannot read '{path}': {e.Message}", e);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; never returns 0 before the end.</summary>
    public int Read(Span<byte> buffer, long offset)
    {
        int read;
        if (_handle is null)
        {
            read = (int)Math.Min(buffer.Length, _bytes.Length - offset);
            _bytes.Span.Slice((int)offset, read).CopyTo(buffer);
        }
        else
        {
            try
            {
                read = RandomAccess.Read(_handle, buffer, offset);
            }
            catch (IOException e)
            {
                throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, _archivePath, RelativePath, $"read failed: {e.Message}", e);
            }
        }

        if (read == 0 && buffer.Length > 0)
        {
            throw new ArchiveException(
                DiagnosticCodes.ArchiveSourceChanged,
                _archivePath,
                RelativePath,
                $"the file was {Length} bytes when archiving began and ended after {offset}; archive a folder nothing else is writing to.");
        }

        return read;
    }

    public void Dispose() => _handle?.Dispose();
}
