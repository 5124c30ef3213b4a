namespace VenvStacks.Core.Runtimes;

/// <summary>A runtime copied into a layer folder by <see cref="RuntimeLayerMaterializer"/>.</summary>
/// <param name="Directory">The layer folder.</param>
/// <param name="HardLinkedFiles">Files that are hard links to the cached runtime's.</param>
/// <param name="CopiedFiles">Files copied (another file system, or hard links off or refused).</param>
/// <param name="SymbolicLinks">Symbolic links recreated with their original targets.</param>
/// <param name="Directories">Folders created (the layer folder itself not counted).</param>
public sealed record RuntimeMaterialization(string Directory, int HardLinkedFiles, int CopiedFiles, int SymbolicLinks, int Directories);
