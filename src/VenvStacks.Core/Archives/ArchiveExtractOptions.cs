namespace VenvStacks.Core.Archives;

/// <summary>How <see cref="SafeArchiveExtractor"/> extracts.</summary>
public sealed record ArchiveExtractOptions
{
    /// <summary>Options with no strip, links confined to the target, and no replacement.</summary>
    public static ArchiveExtractOptions Default { get; } = new();

    /// <summary>
    /// Leading path components to drop from every entry name (after empty and <c>.</c> components are dropped), as
    /// <c>tar --strip-components</c>; entries with no more components than that are skipped. A python-build-standalone
    /// archive's <c>python/</c> is stripped with 1.
    /// </summary>
    public int StripComponents { get; init; }

    /// <summary>
    /// The folder symbolic links may point into; null means the target folder itself. A runtime archive needs no
    /// more; a layered environment's archive needs the deployment folder that holds the layers side by side, since
    /// its links point at <c>../../cpython-3.11/bin/python</c> (docs/venvstacks-reference.md §4.4). Must contain the
    /// target folder.
    /// </summary>
    public string? LinkBoundary { get; init; }

    /// <summary>Whether an existing target folder is replaced (once the new one is complete) rather than refused.</summary>
    public bool ReplaceExisting { get; init; }

    /// <summary>
    /// Which entries to extract, judged on the stored entry before any path check; null extracts all. Entries it
    /// returns false for are skipped, but still read (and a damaged archive still fails).
    /// </summary>
    public Func<ArchiveEntryInfo, bool>? Include { get; init; }

    /// <summary>The archive format; null takes it from the file name's extension.</summary>
    public ArchiveFormat? Format { get; init; }
}
