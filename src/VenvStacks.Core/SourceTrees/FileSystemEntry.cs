using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace VenvStacks.Core.SourceTrees;

/// <summary>The kind and size of a file-system entry, read without opening it.</summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Length">The size in bytes of the file (through a link, of its target); 0 for anything else.</param>
public sealed record FileSystemEntry(FileSystemEntryKind Kind, long Length)
{
    /// <summary>
    /// Looks at <paramref name="path"/>. .NET tells files from folders and links, but on Unix not a regular file
    /// from a named pipe, socket or device, which must never be opened blindly; there the runtime's own
    /// <c>lstat</c>/<c>stat</c> shim answers.
    /// </summary>
    public static FileSystemEntry Inspect(string path) =>
        OperatingSystem.IsWindows() ? InspectWindows(path) : InspectUnix(path);

    private static FileSystemEntry InspectUnix(string path)
    {
        if (UnixFileStatus.Of(path, followLink: false) is not { } own)
        {
            return new FileSystemEntry(FileSystemEntryKind.Missing, 0);
        }

        if (own.Type != UnixFileStatus.Link)
        {
            return KindOf(own, FileSystemEntryKind.File, FileSystemEntryKind.Directory);
        }

        // stat fails for a link whose target is missing or that loops (ENOENT, ELOOP).
        return UnixFileStatus.Of(path, followLink: true) is { } target
            ? KindOf(target, FileSystemEntryKind.LinkToFile, FileSystemEntryKind.LinkToDirectory)
            : new FileSystemEntry(FileSystemEntryKind.BrokenLink, 0);
    }

    private static FileSystemEntry KindOf(UnixFileStatus status, FileSystemEntryKind file, FileSystemEntryKind directory) => status.Type switch
    {
        UnixFileStatus.Regular => new FileSystemEntry(file, status.Size),
        UnixFileStatus.Folder => new FileSystemEntry(directory, 0),
        _ => new FileSystemEntry(FileSystemEntryKind.Special, 0),
    };

    // Windows folders hold no pipes or devices; links (and junctions) are reparse points.
    private static FileSystemEntry InspectWindows(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists)
        {
            info = new DirectoryInfo(path);
            if (!info.Exists)
            {
                return new FileSystemEntry(FileSystemEntryKind.Missing, 0);
            }
        }

        if (info.LinkTarget is null)
        {
            return info is FileInfo file
                ? new FileSystemEntry(FileSystemEntryKind.File, file.Length)
                : new FileSystemEntry(FileSystemEntryKind.Directory, 0);
        }

        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true) switch
            {
                FileInfo { Exists: true } target => new FileSystemEntry(FileSystemEntryKind.LinkToFile, target.Length),
                DirectoryInfo { Exists: true } => new FileSystemEntry(FileSystemEntryKind.LinkToDirectory, 0),
                _ => new FileSystemEntry(FileSystemEntryKind.BrokenLink, 0),
            };
        }
        catch (IOException)
        {
            // Too many levels of links: a loop.
            return new FileSystemEntry(FileSystemEntryKind.BrokenLink, 0);
        }
    }

    /// <summary>
    /// The part of the .NET runtime's <c>FileStatus</c> (System.Native's <c>pal_io.h</c>, the <c>stat</c> the BCL
    /// itself calls on Linux and macOS) that we read: <c>Mode</c>, whose type bits are normalised to the same values on
    /// every Unix, and <c>Size</c>. The buffer is larger than the structure, so fields the runtime adds at the end do not matter.
    /// </summary>
    private readonly record struct UnixFileStatus(int Type, long Size)
    {
        public const int Folder = 0x4000;
        public const int Regular = 0x8000;
        public const int Link = 0xA000;
        private const int TypeMask = 0xF000;
        private const int ModeOffset = 4;
        private const int SizeOffset = 16;
        private const int BufferSize = 256;
        private const int MaxStackPath = 1024;

        public static UnixFileStatus? Of(string path, bool followLink)
        {
            // The native side takes a NUL-terminated UTF-8 path; walks call this for every entry, so no allocations.
            var length = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
            byte[]? rented = null;
            Span<byte> native = length <= MaxStackPath ? stackalloc byte[MaxStackPath] : (rented = ArrayPool<byte>.Shared.Rent(length));
            try
            {
                native[Encoding.UTF8.GetBytes(path, native)] = 0;
                Span<byte> buffer = stackalloc byte[BufferSize];
                var result = followLink
                    ? NativeMethods.Stat(ref MemoryMarshal.GetReference(native), ref MemoryMarshal.GetReference(buffer))
                    : NativeMethods.LStat(ref MemoryMarshal.GetReference(native), ref MemoryMarshal.GetReference(buffer));
                if (result != 0)
                {
                    return null;
                }

                // The structure is in the machine's own byte order.
                var mode = MemoryMarshal.Read<int>(buffer[ModeOffset..]);
                var size = MemoryMarshal.Read<long>(buffer[SizeOffset..]);
                return new UnixFileStatus(mode & TypeMask, size);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }

    private static class NativeMethods
    {
        private const string SystemNative = "libSystem.Native";

        [DllImport(SystemNative, EntryPoint = "SystemNative_Stat")]
        public static extern int Stat(ref byte path, ref byte output);

        [DllImport(SystemNative, EntryPoint = "SystemNative_LStat")]
        public static extern int LStat(ref byte path, ref byte output);
    }
}
