using System.Collections.Immutable;

namespace VenvStacks.Packaging.Http;

/// <summary>What a download wrote: digests of the bytes (algorithm → lower-case hex) and their count.</summary>
internal sealed record DownloadResult(ImmutableDictionary<string, string> Digests, long Size)
{
    public string Sha256 => Digests["sha256"];
}
