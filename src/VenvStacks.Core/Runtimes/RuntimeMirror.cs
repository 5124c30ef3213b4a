using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Credentials;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// <c>VenvStacksPythonMirror</c>, like uv's <c>UV_PYTHON_INSTALL_MIRROR</c>: a base URL or a local folder that
/// replaces the GitHub release host. For an archive URL <c>https://github.com/{owner}/{repo}/releases/download/{rest}</c>
/// the archive is taken from <c>{mirror}/{rest}</c> instead — so a mirror folder holds
/// <c>{release tag}/{file name}</c>. Other URLs (a user table's own hosts) are left alone. The sha256 still comes from
/// the table, so a mirror can only serve the pinned bytes.
/// </summary>
public sealed class RuntimeMirror
{
    private const string ReleasePathMarker = "/releases/download/";

    private readonly Uri? _baseUrl;
    private readonly string? _folder;

    private RuntimeMirror(Uri? baseUrl, string? folder)
    {
        _baseUrl = baseUrl;
        _folder = folder;
    }

    /// <summary>The mirror as messages show it: the folder, or the URL.</summary>
    public string Display => _folder ?? _baseUrl!.AbsoluteUri;

    /// <summary>Reads the setting.</summary>
    /// <param name="value">An http(s) URL, a file URL, or a folder path (made absolute against the current folder).</param>
    /// <exception cref="RuntimeException">VSTK3007: another scheme, credentials in the URL, or a folder that does not exist.</exception>
    public static RuntimeMirror Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        string folder;
        if (!Path.IsPathFullyQualified(value) && Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme.Length > 1)
        {
            if (url.Scheme is "http" or "https")
            {
                if (!string.IsNullOrEmpty(url.UserInfo))
                {
                    throw Invalid($"the mirror URL {UrlRedactor.Redact(url)} contains credentials; give them in .netrc instead.");
                }

                return new RuntimeMirror(url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"), null);
            }

            folder = url.Scheme == "file"
                ? url.LocalPath
                : throw Invalid($"'{UrlRedactor.Redact(url)}' uses the scheme '{url.Scheme}'; give an http, https or file URL or a folder.");
        }
        else
        {
            folder = value;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return Directory.Exists(full) ? new RuntimeMirror(null, full) : throw Invalid($"the mirror folder {full} does not exist.");
    }

    /// <summary>Where to take an archive from: the mirror's copy of a GitHub release asset, otherwise the URL itself.</summary>
    public Uri Apply(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != "https" || !string.Equals(url.Host, "github.com", StringComparison.OrdinalIgnoreCase))
        {
            return url;
        }

        // /{owner}/{repo}/releases/download/{rest}: the marker must follow exactly two segments.
        var path = url.AbsolutePath;
        var marker = path.IndexOf(ReleasePathMarker, StringComparison.Ordinal);
        if (marker < 0 || path[1..marker].Split('/').Length != 2)
        {
            return url;
        }

        var rest = path[(marker + ReleasePathMarker.Length)..];
        return _baseUrl is not null ? new Uri(_baseUrl, rest) : FileUris.FromPath(InFolder(rest));
    }

    private string InFolder(string rest)
    {
        var segments = rest.Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (!segments.All(ArchivePaths.IsSingleComponent))
        {
            throw Invalid($"the release asset path '{rest}' cannot be looked up in the mirror folder {_folder}.");
        }

        return Path.Combine([_folder!, .. segments]);
    }

    private static RuntimeException Invalid(string detail) =>
        new(DiagnosticCodes.RuntimeMirrorInvalid, "VenvStacksPythonMirror: " + detail);
}
