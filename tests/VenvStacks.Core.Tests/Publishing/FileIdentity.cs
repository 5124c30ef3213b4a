using VenvStacks.TestSupport.Python;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>Which file is at a path and when it was last written: a rewrite, even with the same bytes, changes it.</summary>
internal sealed record FileIdentity(string Path, string Inode, DateTime Modified)
{
    /// <summary>The identities of <paramref name="files"/>, inode numbers from <c>stat</c> (.NET has no API for them).</summary>
    public static async Task<IReadOnlyList<FileIdentity>> SnapshotAsync(IEnumerable<string> files)
    {
        var list = files.Order(StringComparer.Ordinal).ToList();
        var stat = await ExternalProcess.RunAsync("stat", ["-c", "%i", .. list]);
        stat.EnsureSuccess("stat");
        var inodes = stat.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return list.Select((f, i) => new FileIdentity(f, inodes[i], File.GetLastWriteTimeUtc(f))).ToList();
    }
}
