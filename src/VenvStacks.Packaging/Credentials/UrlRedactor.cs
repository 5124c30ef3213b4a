namespace VenvStacks.Packaging.Credentials;

/// <summary>
/// Keeps credentials out of anything shown or stored: <see cref="Redact(Uri)"/> for messages and logs (the user info
/// becomes <c>***</c>), <see cref="StripCredentials(Uri)"/> for URLs written into lock files and cache keys.
/// </summary>
public static class UrlRedactor
{
    /// <summary>The URL for display: any user info is replaced by <c>***</c>.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>For example <c>https://***@example.com/simple/</c>.</returns>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo))
        {
            return url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
        }

        var builder = new UriBuilder(url) { UserName = "***", Password = string.Empty };
        return builder.Uri.AbsoluteUri;
    }

    /// <summary>Redacts a URL given as text; text that is not an absolute URL is returned unchanged.</summary>
    /// <param name="url">The text.</param>
    /// <returns>The redacted URL.</returns>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? Redact(parsed) : url;
    }

    /// <summary>The URL without user info (for lock files): <c>https://user:token@host/simple</c> → <c>https://host/simple</c>.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>The same URL when it has no user info, otherwise a copy without it.</returns>
    public static Uri StripCredentials(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo))
        {
            return url;
        }

        return new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
    }
}
