using System.Security.Cryptography;
using VenvStacks.TestSupport.Python;

namespace VenvStacks.Core.Tests.Export;

/// <summary>Small helpers shared by the export and deployment tests.</summary>
internal static class Folders
{
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }

    /// <summary>
    /// Every entry below <paramref name="root"/> (links not followed) with what it is: a folder's mode, a link's
    /// target, a file's mode and SHA-256. Two equal snapshots mean the tree has the same bytes.
    /// </summary>
    public static SortedDictionary<string, string> Snapshot(string root, Func<string, bool>? skip = null)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, entry.FullName);
                if (skip?.Invoke(relative) == true)
                {
                    continue;
                }

                if (entry.LinkTarget is { } target)
                {
                    entries[relative] = "link " + target;
                }
                else if (entry is DirectoryInfo)
                {
                    entries[relative] = "dir " + entry.UnixFileMode;
                    pending.Push(entry.FullName);
                }
                else
                {
                    using var stream = File.OpenRead(entry.FullName);
                    entries[relative] = $"file {entry.UnixFileMode} {Convert.ToHexString(SHA256.HashData(stream))}";
                }
            }
        }

        return entries;
    }

    /// <summary>The entries that differ between two snapshots (empty when the trees are the same), for short failure messages.</summary>
    public static IReadOnlyList<string> Differences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) =>
        expected.Keys.Union(actual.Keys)
            .Where(key => expected.GetValueOrDefault(key) != actual.GetValueOrDefault(key))
            .Select(key => $"{key}: {expected.GetValueOrDefault(key) ?? "(none)"} -> {actual.GetValueOrDefault(key) ?? "(none)"}")
            .ToList();

    /// <summary>Copies a folder keeping symbolic links as links (as <c>cp -a</c> would, without hard links).</summary>
    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo)
            {
                CopyTree(entry.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }

    /// <summary>Runs a program of a layer with a clean Python environment and returns its output.</summary>
    public static async Task<ProcessOutput> RunAsync(string program, params string[] arguments) =>
        await ExternalProcess.RunAsync(
            program,
            arguments,
            new Dictionary<string, string?> { ["PYTHONPATH"] = null, ["PYTHONHOME"] = null, ["LD_LIBRARY_PATH"] = null },
            timeout: TimeSpan.FromMinutes(2));
}
