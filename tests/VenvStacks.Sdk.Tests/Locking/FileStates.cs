namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>The files below a folder with their write times and contents, to show which files a build touched.</summary>
internal static class FileStates
{
    /// <summary>Relative path (with '/') → (last write time, content) of every file below <paramref name="root"/>.</summary>
    public static Dictionary<string, (DateTime WriteTime, string Content)> Of(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
                path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'),
                path => (File.GetLastWriteTimeUtc(path), File.ReadAllText(path)),
                StringComparer.Ordinal)
            : new Dictionary<string, (DateTime, string)>(StringComparer.Ordinal);

    /// <summary>The files of <paramref name="after"/> that are new or differ (time or content) from <paramref name="before"/>.</summary>
    public static List<string> Changed(
        IReadOnlyDictionary<string, (DateTime WriteTime, string Content)> before,
        IReadOnlyDictionary<string, (DateTime WriteTime, string Content)> after) =>
        [.. after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal)];

    /// <summary>The 1-based number of the first line of <paramref name="text"/> that equals <paramref name="line"/>.</summary>
    public static int LineOf(string text, string line) =>
        text.Split('\n').Select((l, i) => (l.TrimEnd('\r'), i)).First(l => l.Item1 == line).i + 1;
}
