namespace VenvStacks.Packaging.Index;

/// <summary>A distribution file available on local disk, verified.</summary>
/// <param name="Path">The local path: inside the content-addressed cache, or the find-links file itself. Treat it as
/// read-only.</param>
/// <param name="Sha256">The sha256 of the content, lower-case hex (computed, and equal to the advertised value when
/// there was one).</param>
/// <param name="Size">The size in bytes.</param>
public sealed record DownloadedFile(string Path, string Sha256, long Size);
