namespace VenvStacks.Packaging.Caching;

/// <summary>An index page as stored in the cache, with the validators needed to revalidate it.</summary>
/// <param name="Url">The credential-free URL that was requested.</param>
/// <param name="FinalUrl">The credential-free URL after redirects (the base for relative links).</param>
/// <param name="ContentType">The response's media type.</param>
/// <param name="ETag">The <c>ETag</c> header, if any.</param>
/// <param name="LastModified">The <c>Last-Modified</c> header, if any.</param>
/// <param name="Body">The response body.</param>
/// <param name="Status">200 for a page; 404 for a remembered "not on this index" (used only when offline).</param>
internal sealed record CachedPage(Uri Url, Uri FinalUrl, string? ContentType, string? ETag, string? LastModified, byte[] Body, int Status);
