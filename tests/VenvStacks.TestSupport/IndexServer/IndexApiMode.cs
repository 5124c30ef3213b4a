namespace VenvStacks.TestSupport.IndexServer;

/// <summary>Which simple-repository formats the server offers on <c>/simple/</c>.</summary>
public enum IndexApiMode
{
    /// <summary>PEP 691 JSON and PEP 503 HTML, chosen by the request's <c>Accept</c> header.</summary>
    JsonAndHtml,

    /// <summary>PEP 503 HTML only (as older or simpler indexes do); JSON-only requests get <c>406</c>.</summary>
    HtmlOnly,
}
