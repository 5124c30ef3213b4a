namespace VenvStacks.Core.Archives.Writing;

/// <summary>
/// The permission bits stored for archived entries. venvstacks stores <c>mode &amp; 0o755</c>
/// (docs/venvstacks-reference.md §4.4), which still depends on the umask the files were created under; here a file
/// is 0755 when any execute bit is set and 0644 otherwise, directories and symbolic links 0755 (what a Linux
/// <c>lstat</c> of a link gives after the mask). With the usual umask 022 both rules give the same modes.
/// </summary>
internal static class EntryModes
{
    public const int Directory = 0b111_101_101;
    public const int SymbolicLink = 0b111_101_101;
    public const int ExecutableFile = 0b111_101_101;
    public const int RegularFile = 0b110_100_100;

    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // Windows has no execute bit; Python's os.stat reports one for these extensions, and so does this.
    private static readonly string[] WindowsExecutableExtensions = [".exe", ".bat", ".cmd", ".com"];

    public static int File(bool executable) => executable ? ExecutableFile : RegularFile;

    /// <summary>Whether the file at <paramref name="info"/> counts as executable.</summary>
    public static bool IsExecutable(FileSystemInfo info) =>
        OperatingSystem.IsWindows()
            ? WindowsExecutableExtensions.Contains(info.Extension, StringComparer.OrdinalIgnoreCase)
            : (info.UnixFileMode & AnyExecute) != 0;
}
