using System.Collections.Immutable;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Hashing;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>Turns the href of a listed file into a clean URL, its hash fragment and any embedded credentials.</summary>
internal static class LinkUrls
{
    /// <summary>Resolves <paramref name="href"/> against <paramref name="baseUrl"/>; false for links that are not
    /// http(s) or file URLs.</summary>
    public static bool TryResolve(Uri baseUrl, string href, out Uri url, out ImmutableDictionary<string, string> fragmentHashes, out IndexCredentials? credentials)
    {
        url = baseUrl;
        fragmentHashes = ImmutableDictionary<string, string>.Empty;
        credentials = null;
        // The fragment is split off by hand: for file URLs .NET would keep a '#' as part of the path.
        var text = href.Trim();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : text[hash..];
        if (!Uri.TryCreate(baseUrl, hash < 0 ? text : text[..hash], out var resolved) || resolved.Scheme is not ("http" or "https" or "file"))
        {
            return false;
        }

        credentials = IndexCredentials.FromUserInfo(resolved);
        fragmentHashes = FragmentHashes(fragment);
        url = UrlRedactor.StripCredentials(resolved);
        return true;
    }

    /// <summary>The file name a link points to: its last path segment, percent-decoded.</summary>
    public static string FileNameOf(Uri url)
    {
        var path = url.AbsolutePath;
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Hashes from a <c>#sha256=…</c> style fragment (other fragment parameters, such as <c>egg=</c>, are ignored).</summary>
    private static ImmutableDictionary<string, string> FragmentHashes(string fragment)
    {
        if (fragment.Length <= 1)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var pairs = fragment[1..]
            .Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] is "sha256" or "sha384" or "sha512" or "sha224" or "sha1" or "md5" or "blake2b")
            .Select(p => new KeyValuePair<string, string>(p[0], Uri.UnescapeDataString(p[1])));
        return FileHashes.Clean(pairs);
    }
}
