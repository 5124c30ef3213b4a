using System.Runtime.InteropServices;

namespace VenvStacks.Core.Tests.Archives;

/// <summary>File-system operations .NET has no API for, used to give trees a different history (owners, hard links,
/// FIFOs) than their twins.</summary>
internal static class PosixFiles
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

    public static void ChangeOwner(string path, int uid, int gid)
    {
        if (lchown(path, (uint)uid, (uint)gid) != 0)
        {
            throw new IOException($"lchown {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static void HardLink(string existing, string newPath)
    {
        if (link(existing, newPath) != 0)
        {
            throw new IOException($"link {existing} {newPath} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static void MakeFifo(string path)
    {
        if (mkfifo(path, 0b110_100_100) != 0)
        {
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int lchown(string path, uint owner, uint group);

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string newPath);

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [DllImport("libc")]
    private static extern uint geteuid();
}
