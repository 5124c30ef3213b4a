namespace VenvStacks.Core.Archives.Writing;

/// <summary>One entry to store, in archive order.</summary>
/// <param name="RelativePath">Path below the top-level folder, <c>/</c>-separated; empty for that folder itself.</param>
/// <param name="Kind">Directory, file or symbolic link (nothing else is ever stored).</param>
/// <param name="SourcePath">The file on disk, for files read from the archived folder.</param>
/// <param name="Content">The bytes, for injected files held in memory.</param>
/// <param name="LinkTarget">The link text, for symbolic links.</param>
/// <param name="Executable">Whether a file gets mode 0755.</param>
internal sealed record ArchiveItem(
    string RelativePath,
    ArchiveEntryKind Kind,
    string? SourcePath = null,
    ReadOnlyMemory<byte>? Content = null,
    string? LinkTarget = null,
    bool Executable = false);
