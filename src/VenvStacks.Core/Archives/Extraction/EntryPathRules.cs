using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives.Extraction;

/// <summary>
/// Turns stored entry names into relative paths that cannot leave the extraction folder, or refuses them (VSTK4001).
/// Both <c>/</c> and <c>\</c> count as separators and drive letters are refused on every platform, so an archive
/// gets the same verdict wherever it is extracted. A <c>..</c> component is refused outright, as GNU tar does, even
/// where it would stay inside.
/// </summary>
internal static class EntryPathRules
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>The path components of a name, with empty and <c>.</c> components dropped.</summary>
    public static string[] Split(string archivePath, string entryName, string name)
    {
        if (Unsafe(name) is { } reason)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveUnsafeEntryPath, archivePath, entryName, reason);
        }

        var components = name.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".").ToArray();
        if (components.Contains(".."))
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveUnsafeEntryPath, archivePath, entryName, $"'{name}' has a '..' component.");
        }

        if (OperatingSystem.IsWindows() && components.Any(c => c.Contains(':', StringComparison.Ordinal)))
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveUnsafeEntryPath, archivePath, entryName, $"'{name}' names an alternate data stream.");
        }

        return components;
    }

    /// <summary>Why a link target or name is not a relative path, or null when it is one.</summary>
    public static string? Unsafe(string name)
    {
        if (name.Length == 0)
        {
            return "the name is empty.";
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            return "the name contains a NUL character.";
        }

        if (name[0] is '/' or '\\')
        {
            return $"'{name}' is an absolute path.";
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            return $"'{name}' starts with a drive letter.";
        }

        return null;
    }

    /// <summary>The link's target split into components (<c>..</c> kept), for <see cref="LinkResolver"/>.</summary>
    public static string[] SplitTarget(string target) => target.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
