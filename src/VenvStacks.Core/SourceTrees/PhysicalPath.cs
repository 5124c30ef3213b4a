namespace VenvStacks.Core.SourceTrees;

/// <summary>
/// The path a file-system location really has once every symbolic link along it is followed (POSIX
/// <c>realpath</c>), so that two spellings of one folder compare equal. Components that do not exist are kept as
/// written.
/// </summary>
public static class PhysicalPath
{
    // As Linux's MAXSYMLINKS: more links than this on one path is a loop.
    private const int MaxLinks = 40;

    /// <summary>Resolves <paramref name="path"/>; throws <see cref="IOException"/> for a loop of links.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var remaining = new Queue<string>(Components(full, root));
        var current = root;
        var links = 0;
        while (remaining.Count > 0)
        {
            var next = Path.Combine(current, remaining.Dequeue());
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links in '{path}'");
            }

            // The target replaces the link; a relative target is taken from the link's folder.
            var resolved = Path.GetFullPath(target, current);
            var rest = remaining.ToArray();
            root = Path.GetPathRoot(resolved)!;
            remaining = new Queue<string>(Components(resolved, root).Concat(rest));
            current = root;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies below it (both already resolved).</summary>
    public static bool IsSameOrBelow(string inner, string outer)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var trimmedOuter = Path.TrimEndingDirectorySeparator(outer);
        var trimmedInner = Path.TrimEndingDirectorySeparator(inner);
        return string.Equals(trimmedInner, trimmedOuter, comparison)
            || trimmedInner.StartsWith(Path.EndsInDirectorySeparator(trimmedOuter) ? trimmedOuter : trimmedOuter + Path.DirectorySeparatorChar, comparison);
    }

    private static string[] Components(string full, string root) =>
        full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
