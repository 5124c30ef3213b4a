namespace VenvStacks.Core.Export;

/// <summary>What copying a layer folder did.</summary>
/// <param name="Files">Regular files placed.</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="HardLinked">Files placed as hard links to the build's files.</param>
/// <param name="Copied">Files copied (another file system, or links refused).</param>
/// <param name="SymbolicLinks">Symbolic links recreated.</param>
/// <param name="Directories">Folders created.</param>
public sealed record LayerCopyStatistics(long Files, long Bytes, long HardLinked, long Copied, long SymbolicLinks, long Directories);
