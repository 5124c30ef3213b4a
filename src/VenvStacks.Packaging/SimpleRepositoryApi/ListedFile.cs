using System.Collections.Immutable;
using VenvStacks.Packaging.Credentials;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>One link from an index page, before it is checked against the project.</summary>
internal sealed record ListedFile(
    string FileName,
    Uri Url,
    IndexCredentials? LinkCredentials,
    ImmutableDictionary<string, string> Hashes,
    string? RequiresPython,
    string? YankedReason,
    CoreMetadataFile? CoreMetadata,
    DateTimeOffset? UploadTime,
    long? Size);
