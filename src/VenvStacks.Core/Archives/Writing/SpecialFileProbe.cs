using System.Formats.Tar;

namespace VenvStacks.Core.Archives.Writing;

/// <summary>
/// Tells FIFOs, sockets and devices from empty regular files. .NET reports them all as zero-length files, and opening
/// a FIFO to read it would block; <see cref="TarWriter"/> is the one public API that classifies a path from its
/// <c>lstat</c> without opening anything but regular files, so a one-entry ustar header tells the type.
/// </summary>
internal static class SpecialFileProbe
{
    private const int TypeFlagOffset = 156;

    /// <summary>What the zero-length, non-directory, non-link entry at <paramref name="path"/> really is.</summary>
    public static ArchiveEntryKind Classify(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return ArchiveEntryKind.File;
        }

        using var header = new MemoryStream();
        try
        {
            using var writer = new TarWriter(header, TarEntryFormat.Ustar, leaveOpen: true);
            writer.WriteEntry(path, "probe");
        }
        catch (IOException) when (File.Exists(path))
        {
            // TarWriter refuses exactly one type: sockets.
            return ArchiveEntryKind.Socket;
        }

        return header.GetBuffer()[TypeFlagOffset] switch
        {
            (byte)'3' => ArchiveEntryKind.CharacterDevice,
            (byte)'4' => ArchiveEntryKind.BlockDevice,
            (byte)'6' => ArchiveEntryKind.Fifo,
            _ => ArchiveEntryKind.File,
        };
    }
}
