using System.Collections.Concurrent;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.Credentials;

/// <summary>
/// Decides which credentials, if any, go with a request. Credentials belong to an origin (scheme, host, port):
/// <list type="bullet">
/// <item>an index's own credentials — from its URL's user info, else <c>UV_INDEX_{NAME}_USERNAME</c>/<c>_PASSWORD</c>,
/// else its host's netrc entry, else the netrc <c>default</c> entry — are sent only to the index's origin (a file
/// hosted elsewhere, or a redirect to another origin, gets nothing);</item>
/// <item>a netrc <c>machine</c> entry is sent to that host, as every netrc client does;</item>
/// <item>credentials embedded in a file link are sent only to that link's origin.</item>
/// </list>
/// </summary>
internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Path, IndexCredentials Credentials)>> _byOrigin = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _indexOrigins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IndexSource, byte> _registered = new();
    private readonly Func<string, string?> _environment;
    private readonly Lazy<NetrcFile?> _netrc;

    public CredentialStore(Func<string, string?> environment, string? netrcPath)
    {
        this._environment = environment;
        _netrc = new Lazy<NetrcFile?>(() => LoadNetrc(environment, netrcPath), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Makes an index's credentials available for requests to its origin (idempotent).</summary>
    public void Register(IndexSource source)
    {
        if (source.IsLocal || !_registered.TryAdd(source, 0))
        {
            return;
        }

        var origin = OriginOf(source.Url);
        _indexOrigins.TryAdd(origin, 0);
        var credentials = source.Credentials;
        if (credentials is not null && credentials.Password is null)
        {
            credentials = credentials with { Password = FromEnvironment(source)?.Password ?? FromNetrc(source.Url, credentials.UserName)?.Password };
        }

        credentials ??= FromEnvironment(source);
        if (credentials is not null)
        {
            _byOrigin.GetOrAdd(origin, _ => new()).Enqueue((source.Url.AbsolutePath, credentials));
        }
    }

    /// <summary>The credentials to send with a request to <paramref name="url"/>, or null.</summary>
    /// <param name="url">The request URL (without user info).</param>
    /// <param name="linkCredentials">Credentials that came with the link being fetched, and the origin they belong to.</param>
    public IndexCredentials? For(Uri url, (string Origin, IndexCredentials Credentials)? linkCredentials = null)
    {
        var origin = OriginOf(url);
        if (linkCredentials is { } link && link.Origin == origin)
        {
            return link.Credentials;
        }

        if (_byOrigin.TryGetValue(origin, out var entries))
        {
            var best = entries
                .Where(e => url.AbsolutePath.StartsWith(e.Path, StringComparison.Ordinal))
                .OrderByDescending(e => e.Path.Length)
                .Select(e => e.Credentials)
                .FirstOrDefault();
            return best ?? entries.First().Credentials;
        }

        var machine = _netrc.Value?.ForMachine(url.Host);
        if (machine is not null)
        {
            return machine;
        }

        return _indexOrigins.ContainsKey(origin) ? _netrc.Value?.Default : null;
    }

    /// <summary>The origin key of a URL: lower-case scheme and host, and the effective port.</summary>
    public static string OriginOf(Uri url) =>
        string.Concat(url.Scheme.ToLowerInvariant(), "://", url.IdnHost.ToLowerInvariant(), ":", url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private IndexCredentials? FromEnvironment(IndexSource source)
    {
        var prefix = source.CredentialVariablePrefix;
        if (prefix is null)
        {
            return null;
        }

        var user = _environment(prefix + "USERNAME");
        var password = _environment(prefix + "PASSWORD");
        return user is null && password is null ? null : new IndexCredentials(user ?? string.Empty, password);
    }

    private IndexCredentials? FromNetrc(Uri url, string? user)
    {
        var entry = _netrc.Value?.ForMachine(url.Host) ?? _netrc.Value?.Default;
        return entry is not null && (user is null || entry.UserName == user) ? entry : null;
    }

    private static NetrcFile? LoadNetrc(Func<string, string?> environment, string? configuredPath)
    {
        if (configuredPath is { Length: 0 })
        {
            return null;
        }

        var candidates = new List<string>();
        if (configuredPath is not null)
        {
            candidates.Add(configuredPath);
        }
        else if (environment("NETRC") is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }
        else
        {
            var home = environment("HOME") ?? environment("USERPROFILE") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            if (!string.IsNullOrEmpty(home))
            {
                candidates.Add(Path.Combine(home, ".netrc"));
                candidates.Add(Path.Combine(home, "_netrc"));
            }
        }

        foreach (var path in candidates)
        {
            try
            {
                if (File.Exists(path))
                {
                    return NetrcFile.Parse(File.ReadAllText(path));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable netrc is treated like a missing one, as pip and uv do.
            }
        }

        return null;
    }
}
