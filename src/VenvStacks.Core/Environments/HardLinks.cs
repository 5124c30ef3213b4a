using System.ComponentModel;
using System.Runtime.InteropServices;

namespace VenvStacks.Core.Environments;

/// <summary>Hard links (.NET has no API for them): <c>link(2)</c> on POSIX, <c>CreateHardLinkW</c> on Windows.</summary>
internal static class HardLinks
{
    /// <summary>Creates <paramref name="path"/> as another name of the existing file <paramref name="existingFile"/>.</summary>
    /// <exception cref="IOException">The file system refused (another device, no support, permissions).</exception>
    public static void Create(string path, string existingFile)
    {
        var ok = OperatingSystem.IsWindows()
            ? NativeMethods.CreateHardLinkW(path, existingFile, IntPtr.Zero)
            : NativeMethods.link(NullTerminatedUtf8(existingFile), NullTerminatedUtf8(path)) == 0;
        if (!ok)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot hard-link '{path}' to '{existingFile}': {new Win32Exception(error).Message}", error);
        }
    }

    /// <summary>A hard link where the file system allows one, otherwise a copy of the file's bytes.</summary>
    public static async Task CreateOrCopyAsync(string path, string existingFile, CancellationToken cancellationToken)
    {
        try
        {
            Create(path, existingFile);
        }
        catch (IOException)
        {
            await FileSystemEntries.CopyContentAsync(existingFile, path, cancellationToken).ConfigureAwait(false);
            FileSystemEntries.CopyMode(existingFile, path);
        }
    }

    private static byte[] NullTerminatedUtf8(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // DllImport keeps the assembly free of unsafe code; these calls are not hot.
        [DllImport("libc", SetLastError = true)]
        public static extern int link(byte[] oldpath, byte[] newpath);

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool CreateHardLinkW(string lpFileName, string lpExistingFileName, IntPtr lpSecurityAttributes);
#pragma warning restore SYSLIB1054
    }
}
