namespace VenvStacks.TestSupport.Runtimes;

/// <summary>
/// Where expensive test inputs made from this machine's tools (runtime archives, compiled wheels) are kept between
/// runs: <c>$VENVSTACKS_TEST_CACHE</c>, else the repository's <c>artifacts/</c> folder. Each input lives in a folder
/// named by a hash of everything it is made from, so a changed input never reuses a stale result.
/// </summary>
public static class TestCache
{
    /// <summary>Environment variable that moves the cache (for example to a CI cache folder).</summary>
    public const string EnvironmentVariable = "VENVSTACKS_TEST_CACHE";

    /// <summary>The cache root.</summary>
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(TestData.RepositoryRoot, "artifacts")
                : Path.GetFullPath(configured);
        }
    }

    /// <summary>The folder for one input: <c>{root}/{area}/{key}</c> (not created).</summary>
    public static string Folder(string area, string key) => Path.Combine(Root, area, key);

    /// <summary>A short lower-case hex key from the parts an input is made from.</summary>
    public static string Key(IEnumerable<string> parts)
    {
        var joined = string.Join('\n', parts);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)))[..16];
    }

    /// <summary>
    /// Removes the other inputs of <paramref name="area"/> (those whose folder name starts with
    /// <paramref name="prefix"/>), left behind when what they were made from changed. One that another process holds
    /// the lock of is still in use and stays.
    /// </summary>
    public static void RemoveOthers(string area, string keep, string prefix = "")
    {
        var folder = Path.Combine(Root, area);
        foreach (var other in Directory.EnumerateDirectories(folder, prefix + "*"))
        {
            var name = Path.GetFileName(other);
            if (name == keep)
            {
                continue;
            }

            CrossProcessLock? held = null;
            try
            {
                held = CrossProcessLock.AcquireAsync(other + ".lock", TimeSpan.Zero).GetAwaiter().GetResult();
                Directory.Delete(other, recursive: true);
                File.Delete(other + ".lock");
            }
            catch (Exception e) when (e is TimeoutException or IOException or UnauthorizedAccessException)
            {
                // In use, or already being removed by another process: leave it.
            }
            finally
            {
                held?.Dispose();
            }
        }
    }
}
