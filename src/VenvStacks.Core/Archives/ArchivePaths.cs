namespace VenvStacks.Core.Archives;

/// <summary>Path checks shared by archive writing and extraction.</summary>
internal static class ArchivePaths
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both full paths).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(trimmed, comparison)
            || path.StartsWith(trimmed + Path.DirectorySeparatorChar, comparison)
            || path.StartsWith(trimmed + Path.AltDirectorySeparatorChar, comparison);
    }

    /// <summary>Whether <paramref name="name"/> is usable as one folder name on every platform.</summary>
    public static bool IsSingleComponent(string name) =>
        !string.IsNullOrEmpty(name)
        && name is not ("." or "..")
        && name.IndexOfAny(Separators) < 0
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && !name.Contains(':', StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> is a relative <c>/</c>-separated path of plain components.</summary>
    public static bool IsRelativeForwardPath(string path) =>
        !string.IsNullOrEmpty(path) && path.Split('/').All(IsSingleComponent);
}
