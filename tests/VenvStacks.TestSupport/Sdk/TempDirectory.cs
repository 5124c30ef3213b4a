namespace VenvStacks.TestSupport.Sdk;

/// <summary>Creates and removes the scratch folders of end-to-end tests.</summary>
public static class TempDirectory
{
    /// <summary>Environment variable that moves every end-to-end scratch folder under another root.</summary>
    public const string RootEnvironmentVariable = "VENVSTACKS_E2E_ROOT";

    /// <summary>The root all runs write below: <c>$VENVSTACKS_E2E_ROOT</c>, else <c>&lt;temp&gt;/venvstacks-e2e</c>.</summary>
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(RootEnvironmentVariable);
            return string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(Path.GetTempPath(), "venvstacks-e2e")
                : Path.GetFullPath(configured);
        }
    }

    /// <summary>Creates a new, empty folder below <paramref name="parent"/> whose name starts with <paramref name="prefix"/>.</summary>
    public static string CreateUnder(string parent, string prefix)
    {
        var safePrefix = string.Concat(prefix.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        if (safePrefix.Length > 60)
        {
            safePrefix = safePrefix[..60];
        }

        var path = Path.Combine(parent, safePrefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a folder tree, retrying briefly because a process that just exited may still hold files.</summary>
    public static void DeleteQuietly(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(200 * (attempt + 1));
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                Thread.Sleep(200 * (attempt + 1));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover scratch folder is not worth failing a passed test over.
                return;
            }
        }
    }
}
