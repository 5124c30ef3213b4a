using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Reads a user's runtime download table (<c>VenvStacksPythonDownloads</c>, like uv's
/// <c>python-downloads-json-url</c>): a path, a <c>file://</c> URL, or an <c>http(s)</c> URL fetched through the index
/// client (its retries, credential rules, page cache and offline mode). Relative <c>url</c> values in the table
/// resolve against the table's own location — after redirects for HTTP — as <c>build/make-test-runtime.sh</c> writes
/// them.
/// </summary>
public static class RuntimeTableLoader
{
    /// <summary>Loads the table at <paramref name="location"/>.</summary>
    /// <param name="location">An absolute path (a relative one is taken from the current folder), or a file, http or
    /// https URL (user info in an http URL is sent as credentials to that host only, never shown).</param>
    /// <param name="client">The index client for HTTP.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="RuntimeException">VSTK3005 (cannot be read), VSTK3006 (not a valid table).</exception>
    public static async Task<RuntimeDownloadTable> LoadAsync(string location, IndexClient client, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentNullException.ThrowIfNull(client);
        // A full path first: .NET would also read "/srv/t#1.json" as an implicit file URL, with "#1.json" a fragment.
        if (!Path.IsPathFullyQualified(location) && Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme.Length > 1)
        {
            return url.Scheme switch
            {
                "http" or "https" => await FetchAsync(url, client, cancellationToken).ConfigureAwait(false),
                "file" => await ReadAsync(url.LocalPath, cancellationToken).ConfigureAwait(false),
                _ => throw new RuntimeException(
                    DiagnosticCodes.RuntimeTableUnavailable,
                    $"The runtime table {UrlRedactor.Redact(url)} uses the scheme '{url.Scheme}'; give a path, or a file, http or https URL."),
            };
        }

        return await ReadAsync(location, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RuntimeDownloadTable> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeException(DiagnosticCodes.RuntimeTableUnavailable, $"The runtime table {full} cannot be read: {e.Message}", full, e);
        }

        return RuntimeDownloadTableReader.Parse(bytes, "the runtime table " + full, FileUris.FromPath(full), full);
    }

    private static async Task<RuntimeDownloadTable> FetchAsync(Uri url, IndexClient client, CancellationToken cancellationToken)
    {
        IndexDocument document;
        try
        {
            document = await client.GetDocumentAsync(url, "application/json", cancellationToken).ConfigureAwait(false);
        }
        catch (PackageIndexException e)
        {
            // The index client's message already names the URL, redacted.
            throw new RuntimeException(DiagnosticCodes.RuntimeTableUnavailable, $"The runtime table cannot be fetched: {e.Message}", null, e);
        }

        return RuntimeDownloadTableReader.Parse(document.Body, "the runtime table " + UrlRedactor.Redact(document.Url), document.FinalUrl, null);
    }
}
