using System.Security.Cryptography;
using System.Text;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Hashing;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.Caching;

/// <summary>
/// Where things live under the cache root. Every name is derived from a sha256 — of the content, or of the
/// credential-free URL — so no user input and no credential ever becomes part of a path.
/// </summary>
internal sealed class CacheLayout(string root)
{
    private readonly string _index = Path.Combine(Path.GetFullPath(root), "index-v1");

    /// <summary>The cache root.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A cached index page (envelope with validators and body), keyed by URL.</summary>
    public string Page(Uri url) => Sharded("pages", KeyOf(url), ".page");

    /// <summary>A distribution file by the sha256 of its content.</summary>
    public string File(string sha256) => Sharded(Path.Combine("files", "sha256"), Checked(sha256), string.Empty);

    /// <summary>A PEP 658 metadata file by the sha256 of its content.</summary>
    public string Metadata(string sha256) => Sharded(Path.Combine("metadata", "sha256"), Checked(sha256), string.Empty);

    /// <summary>The METADATA read out of the wheel whose content has this sha256.</summary>
    public string WheelMetadata(string wheelSha256) => Sharded(Path.Combine("wheel-metadata", "sha256"), Checked(wheelSha256), string.Empty);

    /// <summary>The sha256 of what a URL served, for files whose index advertised no sha256.</summary>
    public string UrlDigest(Uri url) => Sharded("urls", KeyOf(url), string.Empty);

    /// <summary>A fresh temporary file path (same file system as the entries, so moving it into place is a rename).</summary>
    public string NewTemporaryFile()
    {
        var folder = Path.Combine(_index, "tmp");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
    }

    /// <summary>The error for a failed write under the cache root, concerning <paramref name="url"/>.</summary>
    public PackageIndexException WriteFailure(Uri url, Exception cause) =>
        new(IndexErrorCode.CacheFailure, $"Cannot write the cache under {Root}: {cause.Message}", url, innerException: cause);

    /// <summary>The sha256 (hex) of a credential-free, fragment-free URL.</summary>
    public static string KeyOf(Uri url)
    {
        var clean = UrlRedactor.StripCredentials(url).GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        return Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(clean)));
    }

    private string Sharded(string bucket, string key, string extension) =>
        Path.Combine(_index, bucket, key[..2], key + extension);

    private static string Checked(string sha256) =>
        FileHashes.IsSha256(sha256) ? sha256 : throw new ArgumentException("Not a sha256 digest.", nameof(sha256));
}
