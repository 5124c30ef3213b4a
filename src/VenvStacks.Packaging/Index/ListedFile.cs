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

/// <summary>What a page parser read from one page.</summary>
internal sealed record ParsedListing(string? ApiVersion, ImmutableArray<ListedFile> Files, ImmutableArray<string> Versions);
