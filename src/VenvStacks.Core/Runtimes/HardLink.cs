using System.Runtime.InteropServices;

namespace VenvStacks.Core.Runtimes;

/// <summary>Creates hard links, which .NET has no API for: <c>link(2)</c> on Unix, <c>CreateHardLinkW</c> on Windows.</summary>
internal static partial class HardLink
{
    /// <summary>Links <paramref name="link"/> to the file <paramref name="existing"/>; false when the file system
    /// refuses (another volume, no hard-link support, not permitted), in which case nothing was created.</summary>
    public static bool TryCreate(string existing, string link) =>
        OperatingSystem.IsWindows() ? CreateHardLinkW(link, existing, IntPtr.Zero) : Link(existing, link) == 0;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLinkW(string link, string existing, IntPtr securityAttributes);
}
