namespace VenvStacks.Packaging.Installation;

/// <summary>
/// The safety rules for wheel archive entry names. Zip names use <c>/</c>; anything a file system could read as
/// leaving the target folder, or that one platform would read differently from another, is refused before any mapping.
/// </summary>
internal static class EntryNames
{
    /// <summary>Why <paramref name="name"/> is unsafe, or null when it is a plain relative path.</summary>
    /// <param name="name">The entry name; a trailing <c>/</c> (a folder entry) is allowed.</param>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "has an empty name";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "contains a backslash (a path separator on Windows)";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }
        }

        if (name[0] == '/')
        {
            return "is an absolute path";
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            return name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'
                ? "starts with a drive letter"
                : "contains a colon (a drive or alternate data stream on Windows)";
        }

        var path = name.EndsWith('/') ? name[..^1] : name;
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "":
                    return "has an empty path segment";
                case ".":
                case "..":
                    return $"has a '{segment}' path segment";
            }
        }

        return null;
    }
}
