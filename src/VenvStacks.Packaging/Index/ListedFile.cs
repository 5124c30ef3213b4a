using System.Collections.Immutable;

namespace VenvStacks.Packaging.Index;

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
