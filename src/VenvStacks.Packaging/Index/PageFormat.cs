namespace VenvStacks.Packaging.Index;

/// <summary>Where a <see cref="ProjectPage"/>'s file list came from.</summary>
public enum PageFormat
{
    /// <summary>A PEP 691 JSON project page.</summary>
    Json,

    /// <summary>A PEP 503 HTML project page.</summary>
    Html,

    /// <summary>A flat HTML page of links (find-links page or <c>format = "flat"</c> index).</summary>
    FlatHtml,

    /// <summary>A local folder of distribution files.</summary>
    Directory,
}
