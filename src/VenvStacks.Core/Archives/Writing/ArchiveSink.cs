using VenvStacks.Core.Archives.Compression;
using VenvStacks.Core.Archives.Tar;
using VenvStacks.Core.Archives.Zip;

namespace VenvStacks.Core.Archives.Writing;

/// <summary>The entry writer of a format and everything under it down to the file, disposed in order.</summary>
internal sealed class ArchiveSink : IDisposable
{
    private readonly OutputBuffer? _buffer;
    private readonly ArchiveEncoder? _encoder;

    private ArchiveSink(IArchiveEntryWriter writer, OutputBuffer? buffer, ArchiveEncoder? encoder)
    {
        Writer = writer;
        _buffer = buffer;
        _encoder = encoder;
    }

    public IArchiveEntryWriter Writer { get; }

    public static ArchiveSink Create(ArchiveWriteRequest request, FileStream file, string outputPath, Action onBlock)
    {
        var level = request.Compression.EffectiveLevel(request.Format);
        if (request.Format == ArchiveFormat.Zip)
        {
            var deflate = level == 0 ? (System.IO.Compression.CompressionLevel?)null : ArchiveEncoder.DeflateLevel(level);
            return new ArchiveSink(new ZipStreamWriter(file, request.RootName, request.Timestamp, deflate, onBlock), null, null);
        }

        var encoder = ArchiveEncoder.Create(request.Format, file, request.Compression, outputPath);
        var buffer = new OutputBuffer(encoder.Input, onBlock);
        return new ArchiveSink(new TarStreamWriter(buffer, request.RootName, request.Timestamp.ToUnixTimeSeconds()), buffer, encoder);
    }

    public void Complete()
    {
        Writer.Complete();
        _encoder?.Finish();
    }

    public void Dispose()
    {
        Writer.Dispose();
        _buffer?.Dispose();
        _encoder?.Dispose();
    }
}
