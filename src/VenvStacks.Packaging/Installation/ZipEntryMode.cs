using System.IO.Compression;

namespace VenvStacks.Packaging.Installation;

/// <summary>The Unix file mode a zip entry carries in the high 16 bits of its external attributes (set by tools
/// running on Unix; zero when the archive was made elsewhere).</summary>
internal static class ZipEntryMode
{
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int SymbolicLink = 0xA000; // S_IFLNK
    private const int RegularFile = 0x8000; // S_IFREG
    private const int AnyExecute = 0x49; // 0o111

    /// <summary>Whether the entry is a symbolic link.</summary>
    public static bool IsSymbolicLink(ZipArchiveEntry entry) => (Mode(entry) & FileTypeMask) == SymbolicLink;

    /// <summary>Whether the entry is a regular file (or has no type) with an execute bit set, as pip checks it.</summary>
    public static bool IsExecutable(ZipArchiveEntry entry)
    {
        var mode = Mode(entry);
        var type = mode & FileTypeMask;
        return (type == 0 || type == RegularFile) && (mode & AnyExecute) != 0;
    }

    private static int Mode(ZipArchiveEntry entry) => (entry.ExternalAttributes >> 16) & 0xFFFF;
}
