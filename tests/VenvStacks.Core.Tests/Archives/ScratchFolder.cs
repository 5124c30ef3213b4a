namespace VenvStacks.Core.Tests.Archives;

/// <summary>A temporary folder deleted (links not followed) when the test ends.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vstk-archives-" + Guid.NewGuid().ToString("N")[..12]);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>The names in the folder, hidden work files included.</summary>
    public IReadOnlyList<string> Names(string relative = "") =>
        Directory.EnumerateFileSystemEntries(System.IO.Path.Combine(Path, relative)).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
