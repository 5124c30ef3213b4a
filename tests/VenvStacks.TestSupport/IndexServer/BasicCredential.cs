namespace VenvStacks.TestSupport.IndexServer;

/// <summary>A user name and password for HTTP Basic authentication.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record BasicCredential(string UserName, string Password)
{
    /// <summary>The <c>user:password</c> form that Basic authentication encodes.</summary>
    public string Pair => UserName + ":" + Password;
}
