namespace VenvStacks.Core.SourceTrees;

/// <summary>One step of a filtered walk: a folder with its included subfolder and file names, sorted.</summary>
/// <param name="Path">The folder.</param>
/// <param name="Subfolders">Included subfolders, and links to folders (which the walk lists but does not enter).</param>
/// <param name="Files">Included files, and links to files.</param>
/// <param name="Skipped">Entries left out because they are not source content: pipes, sockets, devices, broken links.</param>
/// <param name="FileBytes">The total size of <paramref name="Files"/> (through links, of their targets).</param>
public sealed record SourceTreeFolder(
    string Path,
    IReadOnlyList<string> Subfolders,
    IReadOnlyList<string> Files,
    IReadOnlyList<SkippedSourceEntry> Skipped,
    long FileBytes);

/// <summary>An entry a walk left out although no ignore rule names it.</summary>
/// <param name="Name">The entry's name in its folder.</param>
/// <param name="Kind"><see cref="FileSystemEntryKind.Special"/> or <see cref="FileSystemEntryKind.BrokenLink"/>.</param>
public sealed record SkippedSourceEntry(string Name, FileSystemEntryKind Kind);
