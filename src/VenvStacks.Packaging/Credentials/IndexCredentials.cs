using System.Text;

namespace VenvStacks.Packaging.Credentials;

/// <summary>A user name and password for Basic authentication. Never printed: <see cref="ToString"/> redacts.</summary>
internal sealed record IndexCredentials(string UserName, string? Password)
{
    /// <summary>The <c>Authorization</c> header value.</summary>
    public string ToBasicHeaderValue() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + (Password ?? string.Empty)));

    /// <summary>Credentials from a URL's user info (percent-decoded), or null when it has none.</summary>
    public static IndexCredentials? FromUserInfo(Uri url)
    {
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo))
        {
            return null;
        }

        var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new IndexCredentials(Uri.UnescapeDataString(url.UserInfo), null)
            : new IndexCredentials(Uri.UnescapeDataString(url.UserInfo[..colon]), Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]));
    }

    /// <inheritdoc/>
    public override string ToString() => "IndexCredentials { UserName = ***, Password = *** }";
}
