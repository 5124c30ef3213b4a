namespace VenvStacks.Packaging.Index;

/// <summary>How an index lists its files.</summary>
public enum IndexFormat
{
    /// <summary>A simple repository API (PEP 503 HTML / PEP 691 JSON), one page per project.</summary>
    Simple,

    /// <summary>A flat list of files: a local folder of wheels or one HTML page of links (pip/uv <c>find-links</c>,
    /// uv <c>format = "flat"</c>).</summary>
    Flat,
}
