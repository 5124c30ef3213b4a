using System.Text;

namespace VenvStacks.Packaging.IO;

/// <summary>
/// Writes that other processes never see half done and that an interruption cannot corrupt: content goes to a
/// uniquely named temporary file next to the target, which is then renamed over it (an atomic replace on one file
/// system). The only atomic-write helper of the solution: the index cache, lock files and build state all use it.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A fresh temporary path in the target's folder (created if needed).</summary>
    public static string TemporaryPathFor(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path + "." + Guid.NewGuid().ToString("N")[..16] + ".tmp";
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically, replacing any existing file.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            Commit(temporary, path, replace: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) unless the file already holds exactly it, so unchanged files
    /// keep their timestamps (which incremental builds and lock times depend on).
    /// </summary>
    /// <returns>Whether the file was written.</returns>
    public static async Task<bool> WriteIfChangedAsync(string path, string text, CancellationToken cancellationToken)
    {
        var bytes = Utf8.GetBytes(text);
        if (File.Exists(path) && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        await WriteAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves a finished temporary file into place. With <paramref name="replace"/> false an existing target
    /// wins (content-addressed files are identical by construction) and the temporary file is dropped.</summary>
    public static void Commit(string temporary, string path, bool replace)
    {
        try
        {
            File.Move(temporary, path, replace);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process put the same (or, for pages, an equally valid) file there first, or a reader holds the
            // old one open on Windows; either way a complete file is in place.
            TryDelete(temporary);
        }
    }

    /// <summary>Deletes a file if it exists, ignoring failures (clean-up paths must not mask the real error).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: a *.tmp name that no lookup ever matches.
        }
    }
}
