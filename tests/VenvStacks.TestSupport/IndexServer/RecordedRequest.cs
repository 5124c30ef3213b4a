namespace VenvStacks.TestSupport.IndexServer;

/// <summary>One request the server answered, for assertions on caching, credentials and retries.</summary>
/// <param name="Sequence">1-based arrival order.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target as sent (path and query).</param>
/// <param name="Headers">The request headers (names case-insensitive; repeated headers joined with <c>, </c>).</param>
/// <param name="Status">The status code answered (0 when the connection was dropped on purpose).</param>
/// <param name="BodyBytes">How many body bytes were written.</param>
public sealed record RecordedRequest(
    int Sequence,
    string Method,
    string Target,
    IReadOnlyDictionary<string, string> Headers,
    int Status,
    long BodyBytes)
{
    /// <summary>The path without the query, percent-decoded.</summary>
    public string Path => Uri.UnescapeDataString(Target.Split('?', 2)[0]);

    /// <summary>The decoded <c>user:password</c> of a Basic <c>Authorization</c> header, or null.</summary>
    public string? BasicCredentials
    {
        get
        {
            if (!Headers.TryGetValue("Authorization", out var value) ||
                !value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
            }
            catch (FormatException)
            {
                return value;
            }
        }
    }

    /// <summary>Whether any <c>Authorization</c> header was sent.</summary>
    public bool HasAuthorization => Headers.ContainsKey("Authorization");

    /// <summary>The value of a request header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
