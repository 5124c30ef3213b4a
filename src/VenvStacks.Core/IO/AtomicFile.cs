using System.Text;

namespace VenvStacks.Core.IO;

/// <summary>
/// Writes files so that no reader ever sees half a file and an interrupted write leaves the old file intact:
/// the text goes to a temporary sibling that is then renamed over the target. Unchanged files are not rewritten,
/// so their timestamps (which incremental builds and lock times depend on) stay as they are.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) unless the file already holds exactly it.</summary>
    /// <returns>Whether the file was written.</returns>
    public static async Task<bool> WriteIfChangedAsync(string path, string text, CancellationToken cancellationToken)
    {
        var bytes = Utf8.GetBytes(text);
        if (File.Exists(path) && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return true;
    }
}
