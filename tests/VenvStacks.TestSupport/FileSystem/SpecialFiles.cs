using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace VenvStacks.TestSupport.FileSystem;

/// <summary>
/// Real file-system entries that are neither files nor folders (named pipes, sockets) and symbolic links that lead
/// nowhere, for tests of code that walks source trees. Unix only: see <see cref="UnixFactAttribute"/>.
/// </summary>
public static class SpecialFiles
{
    /// <summary>Creates a named pipe (<c>mkfifo</c>): opening it for reading blocks until a writer appears.</summary>
    public static string MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (NativeMethods.mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new Win32Exception(Marshal.GetLastWin32Error(), $"mkfifo {path} failed");
        }

        return path;
    }

    /// <summary>
    /// Creates a Unix domain socket file. .NET removes the file when a bound socket is disposed, so the file exists
    /// as long as the returned socket is open.
    /// </summary>
    public static Socket MakeSocket(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>Creates a symbolic link at <paramref name="path"/> whose target text is <paramref name="target"/> (which need not exist).</summary>
    public static string MakeLink(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>
    /// Unblocks a reader stuck opening <paramref name="fifo"/>: a writer opens the pipe and closes it, so the reader
    /// sees end of file. Used to let a test end after code under test wrongly opened a named pipe.
    /// </summary>
    public static void ReleaseReaders(string fifo)
    {
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The C function's own name.
        public static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
#pragma warning restore SA1300, IDE1006
    }
}
