namespace VenvStacks.Core.Archives;

/// <summary>
/// An entry of the folder being archived, as the caller's <see cref="ArchiveWriteRequest.Include"/> policy sees it.
/// </summary>
/// <param name="RelativePath">The path below the archived folder, components joined by <c>/</c> on every platform.</param>
/// <param name="Kind">What the entry is on disk; symbolic links are not followed.</param>
public sealed record ArchiveSourceItem(string RelativePath, ArchiveEntryKind Kind)
{
    /// <summary>The last path component.</summary>
    public string Name => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>Whether the entry sits directly in the archived folder.</summary>
    public bool IsTopLevel => !RelativePath.Contains('/', StringComparison.Ordinal);
}
