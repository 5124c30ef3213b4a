using VenvStacks.Core.Archives;

namespace VenvStacks.Core.Publishing;

/// <summary>Progress of the archive of one layer (reported about every 100 ms and once when it is complete).</summary>
/// <param name="BuildName">The layer's build name.</param>
/// <param name="ArchiveName">The archive file name.</param>
/// <param name="Progress">The writer's figures so far.</param>
public readonly record struct LayerArchiveProgress(string BuildName, string ArchiveName, ArchiveProgress Progress);
