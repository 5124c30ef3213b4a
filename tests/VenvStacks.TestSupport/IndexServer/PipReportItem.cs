namespace VenvStacks.TestSupport.IndexServer;

/// <summary>One distribution in pip's installation report.</summary>
/// <param name="Name">The project name from the metadata.</param>
/// <param name="Version">The version.</param>
/// <param name="Url">Where pip would download it from.</param>
/// <param name="Sha256">The sha256 pip recorded, if any.</param>
public sealed record PipReportItem(string Name, string Version, Uri Url, string? Sha256);
