using System.Text;
using VenvStacks.Packaging.Credentials;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// One place packages come from: a simple repository (PEP 503/691) or a flat location (a local folder of wheels or an
/// HTML page of links). Mirrors a uv <c>[[tool.uv.index]]</c> entry or a <c>find-links</c> entry.
/// </summary>
/// <remarks>
/// Credentials written into the URL (<c>https://user:token@host/simple</c>) are taken out at construction: <see cref="Url"/>
/// never carries them, <see cref="ToString"/> never shows them, and they are only ever sent as a Basic
/// <c>Authorization</c> header to this index's own origin.
/// </remarks>
public sealed record IndexSource
{
    private IndexSource(string? name, Uri url, IndexFormat format, bool isExplicit, bool isDefault, IndexCredentials? credentials)
    {
        Name = name;
        Url = url;
        Format = format;
        Explicit = isExplicit;
        Default = isDefault;
        Credentials = credentials;
    }

    /// <summary>PyPI's simple API, <c>https://pypi.org/simple</c>: the default index unless another is marked default.</summary>
    public static IndexSource PyPI { get; } = Simple("https://pypi.org/simple");

    /// <summary>The index name (<c>name</c> in uv's config), or null for an anonymous index or find-links entry.</summary>
    public string? Name { get; init; }

    /// <summary>The credential-free URL: <c>http(s)://</c> for remote indexes, <c>file://</c> for local folders. This is
    /// the value lock files record as the package's <c>index</c>.</summary>
    public Uri Url { get; }

    /// <summary>Simple repository or flat list.</summary>
    public IndexFormat Format { get; }

    /// <summary>Only used for packages routed to it by name (uv <c>explicit = true</c>).</summary>
    public bool Explicit { get; init; }

    /// <summary>Replaces PyPI as the default, lowest-priority index (uv <c>default = true</c>).</summary>
    public bool Default { get; init; }

    /// <summary>Whether the location is a local folder.</summary>
    public bool IsLocal => Url.IsFile;

    /// <summary>Credentials from the URL's user info, if it had any.</summary>
    internal IndexCredentials? Credentials { get; }

    /// <summary>A simple repository index.</summary>
    /// <param name="url">The index URL (for example <c>https://download.pytorch.org/whl/cpu</c>); user info is taken out
    /// as credentials. A local folder laid out as <c>{folder}/{project}/index.html</c> is also accepted.</param>
    /// <param name="name">The index name, or null.</param>
    /// <param name="isExplicit">Whether only routed packages may use it.</param>
    /// <param name="isDefault">Whether it replaces PyPI as the default index.</param>
    /// <returns>The index.</returns>
    public static IndexSource Simple(string url, string? name = null, bool isExplicit = false, bool isDefault = false) =>
        Create(url, IndexFormat.Simple, name, isExplicit, isDefault);

    /// <summary>A flat location: a local folder of distribution files or an HTML page of links.</summary>
    /// <param name="urlOrPath">An <c>http(s)</c> URL, a <c>file://</c> URL or a folder path (made absolute against the
    /// current directory; callers should pass absolute paths).</param>
    /// <param name="name">The index name, or null for a plain find-links entry.</param>
    /// <param name="isExplicit">Whether only routed packages may use it.</param>
    /// <param name="isDefault">Whether it replaces PyPI as the default index.</param>
    /// <returns>The location.</returns>
    public static IndexSource Flat(string urlOrPath, string? name = null, bool isExplicit = false, bool isDefault = false) =>
        Create(urlOrPath, IndexFormat.Flat, name, isExplicit, isDefault);

    /// <summary>An index of either format.</summary>
    /// <param name="urlOrPath">The URL or folder path.</param>
    /// <param name="format">The format.</param>
    /// <param name="name">The index name, or null.</param>
    /// <param name="isExplicit">Whether only routed packages may use it.</param>
    /// <param name="isDefault">Whether it replaces PyPI as the default index.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">The URL scheme is neither http, https nor file.</exception>
    public static IndexSource Create(string urlOrPath, IndexFormat format, string? name = null, bool isExplicit = false, bool isDefault = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlOrPath);
        Uri url;
        if (Uri.TryCreate(urlOrPath, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" or "file")
        {
            url = parsed;
        }
        else if (Uri.TryCreate(urlOrPath, UriKind.Absolute, out parsed) && parsed.Scheme.Length > 1)
        {
            throw new ArgumentException($"Unsupported index URL scheme '{parsed.Scheme}' in {UrlRedactor.Redact(parsed)}.", nameof(urlOrPath));
        }
        else
        {
            url = new Uri(Path.GetFullPath(urlOrPath));
        }

        return new IndexSource(name, UrlRedactor.StripCredentials(url), format, isExplicit, isDefault, IndexCredentials.FromUserInfo(url));
    }

    /// <summary>The folder path of a local location, or null.</summary>
    public string? LocalPath => IsLocal ? Url.LocalPath : null;

    /// <summary>The environment variable prefix uv reads credentials from: <c>UV_INDEX_{NAME}_</c> with the name
    /// upper-cased and every character other than ASCII letters and digits replaced by <c>_</c>; null when unnamed.</summary>
    public string? CredentialVariablePrefix
    {
        get
        {
            if (Name is null)
            {
                return null;
            }

            var text = new StringBuilder("UV_INDEX_");
            foreach (var c in Name)
            {
                text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
            }

            return text.Append('_').ToString();
        }
    }

    /// <summary>The URL of a project's page on a simple index: the index URL, a slash, the normalised name, a slash.</summary>
    internal Uri ProjectUrl(Pep503.NormalizedName project)
    {
        var root = Url.AbsoluteUri.EndsWith('/') ? Url : new Uri(Url.AbsoluteUri + "/");
        return new Uri(root, Uri.EscapeDataString(project.Value) + "/");
    }

    /// <summary>The name (if any) and the redacted URL.</summary>
    public override string ToString() => Name is null ? UrlRedactor.Redact(Url) : $"{Name} ({UrlRedactor.Redact(Url)})";
}
