namespace VenvStacks.Core.Environments;

/// <summary>Small file-system operations that treat a symbolic link as the link itself, never as what it points to.</summary>
internal static class FileSystemEntries
{
    /// <summary>Whether anything (file, folder, or link, even a dangling one) exists at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => IsLink(path) || File.Exists(path) || Directory.Exists(path);

    /// <summary>Whether <paramref name="path"/> is a symbolic link (dangling or not).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>Removes a file, a link (not its target) or a folder tree; nothing happens when the path does not exist.</summary>
    public static void Delete(string path)
    {
        if (IsLink(path))
        {
            // Windows keeps links to folders as folder entries; POSIX unlinks any link.
            if (OperatingSystem.IsWindows() && Directory.Exists(path))
            {
                Directory.Delete(path);
            }
            else
            {
                File.Delete(path);
            }
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Makes <paramref name="path"/> a symbolic link to <paramref name="target"/>, unless it already is exactly that.</summary>
    /// <returns>Whether the link was (re)created.</returns>
    public static bool ReplaceWithSymbolicLink(string path, string target)
    {
        if (new FileInfo(path).LinkTarget == target)
        {
            return false;
        }

        Delete(path);
        File.CreateSymbolicLink(path, target);
        return true;
    }

    /// <summary>
    /// Python's <c>os.path.realpath</c>: the absolute path with every link along it resolved (folders included), as far
    /// as the path exists; the rest is appended unresolved.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse());
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Pop());
            var target = new FileInfo(next).LinkTarget;
            if (target is null || ++hops > 40)
            {
                current = next;
                continue;
            }

            // Continue from the link's target, whose own segments may be links again.
            var resolved = Path.GetFullPath(target, current);
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            foreach (var segment in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).AsEnumerable().Reverse())
            {
                pending.Push(segment);
            }

            current = resolvedRoot;
        }

        return current;
    }

    /// <summary>Sets mode 0755 (on hosts with POSIX permissions).</summary>
    public static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                path,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Gives <paramref name="destination"/> the permissions of <paramref name="source"/> (on hosts with POSIX permissions).</summary>
    public static void CopyMode(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
    }

    /// <summary>Copies a file's bytes only (no times or permissions), replacing whatever is at the destination.</summary>
    public static async Task CopyContentAsync(string source, string destination, CancellationToken cancellationToken)
    {
        Delete(destination);
        var input = File.OpenRead(source);
        await using (input.ConfigureAwait(false))
        {
            var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
