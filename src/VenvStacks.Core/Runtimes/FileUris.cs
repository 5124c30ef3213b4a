namespace VenvStacks.Core.Runtimes;

/// <summary>File URLs for local paths that relative references resolve against correctly.</summary>
internal static class FileUris
{
    /// <summary>
    /// <c>file://</c> URL of a path. Not <c>new Uri(path)</c>: resolving <c>cpython-3.12.1%2B...</c> against such an
    /// implicit file URI escapes the <c>%</c> again, so the result would name a file that does not exist.
    /// </summary>
    public static Uri FromPath(string path) =>
        new UriBuilder(Uri.UriSchemeFile, string.Empty, -1, Path.GetFullPath(path)).Uri;
}
