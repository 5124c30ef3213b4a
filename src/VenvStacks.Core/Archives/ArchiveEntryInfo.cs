namespace VenvStacks.Core.Archives;

/// <summary>One entry of an archive as stored, before any path check or strip.</summary>
/// <param name="Name">The stored name (tar: PAX path when present; directories may end in <c>/</c>).</param>
/// <param name="Kind">What the entry is.</param>
/// <param name="Length">Data length in bytes (0 for directories and links in tar; the target's length for zip links).</param>
/// <param name="Mode">The stored Unix permission bits (0–0o7777); for zip entries without Unix attributes 0o644
/// (files) or 0o755 (directories).</param>
/// <param name="ModificationTime">The stored time (zip: the DOS fields read as UTC, see <see cref="ReproducibleArchiveWriter"/>).</param>
/// <param name="LinkTarget">The link text of symbolic links, the target member of hard links.</param>
/// <param name="Owner">Tar owner and group ids and names; null for zip.</param>
/// <param name="ExtendedAttributes">Tar PAX records of the entry (empty when it has no PAX header, and for zip).</param>
public sealed record ArchiveEntryInfo(
    string Name,
    ArchiveEntryKind Kind,
    long Length,
    int Mode,
    DateTimeOffset ModificationTime,
    string? LinkTarget,
    ArchiveEntryOwner? Owner,
    IReadOnlyDictionary<string, string> ExtendedAttributes);
