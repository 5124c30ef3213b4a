using System.Security.Cryptography;

namespace VenvStacks.Core.Tests.Archives;

/// <summary>A folder's entries as comparable lines: path, kind, content digest or link target, executable bit.</summary>
internal static class TreeSnapshot
{
    public static IReadOnlyList<string> Of(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => Line(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> Expected(IEnumerable<SampleEntry> entries)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Path.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                lines.Add($"{string.Join('/', parts[..i])}|dir");
            }

            lines.Add(entry.LinkTarget is { } target ? $"{entry.Path}|link|{target}"
                : entry.Content is null ? $"{entry.Path}|dir"
                : $"{entry.Path}|file|{entry.Sha256}|{(entry.Executable ? "x" : "-")}");
        }

        return [.. lines];
    }

    private static string Line(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return $"{relative}|link|{target}";
        }

        if (Directory.Exists(path))
        {
            return $"{relative}|dir";
        }

        var executable = !OperatingSystem.IsWindows() && (info.UnixFileMode & UnixFileMode.UserExecute) != 0;
        return $"{relative}|file|{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}|{(executable ? "x" : "-")}";
    }
}
