using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives.Extraction;

/// <summary>Reads the entries of an archive one at a time, in stored order, whatever the format.</summary>
internal abstract class ArchiveEntrySource : IDisposable
{
    protected ArchiveEntrySource(string archivePath) => ArchivePath = archivePath;

    public string ArchivePath { get; }

    /// <summary>Opens an archive of <paramref name="format"/>; VSTK4009 if the file cannot be opened.</summary>
    public static ArchiveEntrySource Open(string archivePath, ArchiveFormat format)
    {
        FileStream file;
        try
        {
            file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, archivePath, null, $"cannot open the archive: {e.Message}", e);
        }

        try
        {
            return format == ArchiveFormat.Zip ? new ZipEntrySource(archivePath, file) : new TarEntrySource(archivePath, file, format);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            file.Dispose();
            throw Corrupt(archivePath, null, e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Whether an exception from a reader or decompressor means the archive's bytes are bad.</summary>
    public static bool IsCorruption(Exception e) =>
        e is InvalidDataException or FormatException or EndOfStreamException or OverflowException or ZstdSharp.ZstdException
        || (e is ArgumentException && e.Source is "System.Formats.Tar");

    public static ArchiveException Corrupt(string archivePath, string? entryName, Exception cause) =>
        new(DiagnosticCodes.ArchiveCorrupt, archivePath, entryName, $"the archive is damaged or not a {Describe(archivePath)}: {cause.Message}", cause);

    /// <summary>The next entry, or null at the end; VSTK4005 when the archive is damaged.</summary>
    public ArchiveReadEntry? ReadNext()
    {
        try
        {
            return ReadNextEntry();
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw Corrupt(ArchivePath, null, e);
        }
    }

    public abstract void Dispose();

    protected abstract ArchiveReadEntry? ReadNextEntry();

    private static string Describe(string archivePath) =>
        ArchiveFormats.TryFromPath(archivePath, out var format) ? ArchiveFormats.Extension(format) + " file" : "supported archive";
}
