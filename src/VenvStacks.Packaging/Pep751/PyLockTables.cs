namespace VenvStacks.Packaging.Pep751;

/// <summary>Small helpers shared by the lock records.</summary>
internal static class PyLockTables
{
    /// <summary>An immutable, ordered, structurally comparable copy of a string table.</summary>
    public static ValueMap<string> Freeze(IReadOnlyDictionary<string, string>? table) =>
        table switch
        {
            null => ValueMap<string>.Empty,
            ValueMap<string> frozen => frozen,
            _ => new ValueMap<string>(table),
        };

    /// <summary>The file name at the end of a local path or, failing that, a URL's path (URL-unescaped).</summary>
    public static string? LastSegment(string? path, string? url)
    {
        if (path is not null)
        {
            var slash = path.LastIndexOfAny(['/', '\\']);
            return path[(slash + 1)..];
        }

        if (url is null)
        {
            return null;
        }

        var end = url.AsSpan().IndexOfAny('?', '#');
        var withoutQuery = end < 0 ? url : url[..end];
        return Uri.UnescapeDataString(withoutQuery[(withoutQuery.LastIndexOf('/') + 1)..]);
    }
}
