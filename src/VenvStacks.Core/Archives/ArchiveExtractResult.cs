namespace VenvStacks.Core.Archives;

/// <summary>An extracted archive.</summary>
/// <param name="TargetDirectory">The folder the archive's entries are now in.</param>
/// <param name="Entries">Entries extracted (stripped-away entries not counted).</param>
/// <param name="Bytes">File bytes written.</param>
public sealed record ArchiveExtractResult(string TargetDirectory, long Entries, long Bytes);
