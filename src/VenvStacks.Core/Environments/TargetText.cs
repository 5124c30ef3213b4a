using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>Text-file conventions of a target operating system.</summary>
internal static class TargetText
{
    /// <summary>
    /// LF text as Python's text-mode <c>write_text</c> stores it on the target: CRLF on Windows, unchanged elsewhere.
    /// (venvstacks writes <c>sitecustomize.py</c> and <c>pyvenv.cfg</c> that way; JSON files always get LF.)
    /// </summary>
    public static string WithLineEndings(string text, TargetOperatingSystem operatingSystem) =>
        operatingSystem == TargetOperatingSystem.Windows ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;

    /// <summary>The parent of an absolute path written for the target (split at the target's separator).</summary>
    public static string ParentOf(string path, TargetOperatingSystem operatingSystem)
    {
        var separators = operatingSystem == TargetOperatingSystem.Windows ? new[] { '\\', '/' } : ['/'];
        var trimmed = path.TrimEnd(separators);
        var index = trimmed.LastIndexOfAny(separators);
        return index switch
        {
            < 0 => string.Empty,
            0 => trimmed[..1],
            _ when operatingSystem == TargetOperatingSystem.Windows && index == 2 && trimmed[1] == ':' => trimmed[..3],
            _ => trimmed[..index],
        };
    }
}
