namespace VenvStacks.Core.Archives;

/// <summary>
/// Hidden work paths next to a final path: output is built there and renamed into place in one step, which is
/// atomic on one file system, so no reader ever sees a partial archive or a half-extracted folder.
/// </summary>
internal static class TemporarySibling
{
    public static string PathFor(string finalPath)
    {
        var directory = Path.GetDirectoryName(finalPath)!;
        return Path.Combine(directory, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid().ToString("N")[..8]}.partial");
    }

    /// <summary>Removes a work file or folder if it is there; links inside a folder are removed, not followed.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the hidden name keeps a leftover out of the way, and the original error matters more.
        }
    }

    /// <summary>
    /// Renames a finished work folder to its final path. An existing final folder is replaced: moved aside, the new one
    /// moved in, then the old one deleted; the old one is put back if the move fails.
    /// </summary>
    public static void MoveIntoPlace(string staging, string target)
    {
        if (!Directory.Exists(target) && !File.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var previous = PathFor(target);
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }

        Delete(previous);
    }
}
