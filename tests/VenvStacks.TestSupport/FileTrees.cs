namespace VenvStacks.TestSupport;

/// <summary>File-tree helpers for tests that need a writable copy of read-only conformance data.</summary>
public static class FileTrees
{
    /// <summary>Copies a folder recursively; copies are writable even when the source files are read-only.</summary>
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var destination = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, destination);
            File.SetAttributes(destination, FileAttributes.Normal);
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            Copy(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
