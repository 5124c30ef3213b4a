namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// Names become folder, archive and lock-file names on every platform, so they must be usable as file names on
/// Windows, macOS and Linux. venvstacks does not check this (it fails later, far from the cause).
/// </summary>
internal static class LayerNameRules
{
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

        return name.EndsWith('.') ? "must not end with '.' (Windows drops it from folder names)" : null;
    }
}
