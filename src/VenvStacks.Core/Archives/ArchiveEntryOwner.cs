namespace VenvStacks.Core.Archives;

/// <summary>The owner fields of a tar entry.</summary>
public sealed record ArchiveEntryOwner(int Uid, int Gid, string UserName, string GroupName);
