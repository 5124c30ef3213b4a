namespace VenvStacks.Core.Archives;

/// <summary>How far an archive write has got.</summary>
/// <param name="BytesIn">Uncompressed archive bytes produced so far (headers and file data).</param>
/// <param name="BytesOut">Bytes written to the archive file so far.</param>
/// <param name="Entries">Entries stored so far.</param>
/// <param name="Elapsed">Time since the write started.</param>
public readonly record struct ArchiveProgress(long BytesIn, long BytesOut, long Entries, TimeSpan Elapsed);
