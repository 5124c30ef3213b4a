namespace VenvStacks.Core.Archives.Extraction;

/// <summary>An entry being read: its stored fields and, for files, its data (readable until the next entry is read).</summary>
internal sealed record ArchiveReadEntry(ArchiveEntryInfo Info, Stream? Data);
