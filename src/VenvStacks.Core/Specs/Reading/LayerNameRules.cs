namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// Names become folder, archive and lock-file names on every platform, so they must be usable as file names on
/// Windows, macOS and Linux. venvstacks does not check this (it fails later, far from the cause).
/// </summary>
internal static class LayerNameRules
{
    /// <summary>
    /// The longest name, in UTF-8 bytes. File systems allow 255 bytes per file name (ext4, APFS; NTFS 255 UTF-16 units);
    /// the longest name made from a layer name is a tagged archive, <c>framework-&lt;name&gt;@&lt;version&gt;-macosx_x86_64-&lt;build&gt;.tar.xz</c>
    /// (docs/venvstacks-reference.md §4.2), about 55 bytes more; 100 leaves room for that and for short paths on Windows.
    /// </summary>
    public const int MaxUtf8Bytes = 100;

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("/\\:*?\"<>|");

    /// <summary>Why the name is unusable, or null when it is fine.</summary>
    public static string? Check(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name != name.Trim())
        {
            return "must not start or end with white space";
        }

        if (name is "." or "..")
        {
            return "must not be '.' or '..'";
        }

        if (name.AsSpan().IndexOfAny(Forbidden) >= 0 || name.Any(char.IsControl))
        {
            return "must not contain path separators, control characters or any of : * ? \" < > |";
        }

        if (name.EndsWith('.'))
        {
            return "must not end with '.' (Windows drops it from folder names)";
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        return bytes > MaxUtf8Bytes
            ? $"is {bytes} bytes long in UTF-8; names may be at most {MaxUtf8Bytes}, so that the folder, lock and archive names made from them fit in a file name"
            : null;
    }
}
