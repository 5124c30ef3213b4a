namespace VenvStacks.TestSupport.IndexServer;

/// <summary>How project pages link to files hosted by the server itself.</summary>
public enum FileUrlStyle
{
    /// <summary>Relative links (<c>../../files/x.whl</c>), which clients must resolve against the page URL.</summary>
    Relative,

    /// <summary>Absolute links (<c>http://127.0.0.1:port/files/x.whl</c>).</summary>
    Absolute,

    /// <summary>Relative links to <c>/redirect/x.whl</c>, which answers <c>302</c> to <c>/files/x.whl</c> on the same server.</summary>
    RedirectWithinServer,
}
