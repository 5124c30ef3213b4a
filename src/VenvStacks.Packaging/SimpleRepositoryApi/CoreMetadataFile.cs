using System.Collections.Immutable;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>A PEP 658/714 core metadata file offered next to a distribution (<c>{file url}.metadata</c>).</summary>
/// <param name="Hashes">The advertised digests of the metadata file (algorithm → lower-case hex); empty when the index
/// only said the file exists.</param>
public sealed record CoreMetadataFile(ImmutableDictionary<string, string> Hashes)
{
    /// <summary>The advertised sha256, or null.</summary>
    public string? Sha256 => Hashes.GetValueOrDefault("sha256");
}
