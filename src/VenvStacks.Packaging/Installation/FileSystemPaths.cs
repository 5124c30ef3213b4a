namespace VenvStacks.Packaging.Installation;

/// <summary>Path rules of the machine the installer runs on: containment checks and RECORD path conversion.</summary>
internal static class FileSystemPaths
{
    /// <summary>How this machine's file system compares names: case-insensitively on Windows and macOS (their
    /// default file systems), case-sensitively elsewhere.</summary>
    public static StringComparer Comparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static StringComparison Comparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether the full path <paramref name="path"/> is strictly inside the full path <paramref name="root"/>.</summary>
    public static bool IsStrictlyInside(string path, string root)
    {
        var trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        return path.Length > trimmedRoot.Length + 1
            && path.StartsWith(trimmedRoot, Comparison)
            && (path[trimmedRoot.Length] == Path.DirectorySeparatorChar || path[trimmedRoot.Length] == Path.AltDirectorySeparatorChar);
    }

    /// <summary>Whether two full paths name the same place.</summary>
    public static bool AreSame(string left, string right) =>
        string.Equals(Path.TrimEndingDirectorySeparator(left), Path.TrimEndingDirectorySeparator(right), Comparison);

    /// <summary>
    /// The RECORD form of an installed file: relative to the folder holding the <c>.dist-info</c> (<c>..</c> for files
    /// outside it, e.g. <c>../../../bin/tool</c>), with <c>/</c> separators; absolute when no relative path exists (another
    /// Windows drive), as pip writes it.
    /// </summary>
    public static string ToRecordPath(string libDirectory, string fullPath) =>
        Path.GetRelativePath(libDirectory, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The full path a RECORD path names, relative to the folder holding the <c>.dist-info</c>.</summary>
    public static string FromRecordPath(string libDirectory, string recordPath) =>
        Path.GetFullPath(Path.Combine(libDirectory, recordPath.Replace('/', Path.DirectorySeparatorChar)));
}
