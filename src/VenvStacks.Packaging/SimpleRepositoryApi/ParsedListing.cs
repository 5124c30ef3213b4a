using System.Collections.Immutable;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>What a page parser read from one page.</summary>
internal sealed record ParsedListing(string? ApiVersion, ImmutableArray<ListedFile> Files, ImmutableArray<string> Versions);
