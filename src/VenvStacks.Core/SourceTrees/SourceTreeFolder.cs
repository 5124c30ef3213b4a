namespace VenvStacks.Core.SourceTrees;

/// <summary>One step of a filtered walk: a folder with its included subfolder and file names, sorted.</summary>
public sealed record SourceTreeFolder(string Path, IReadOnlyList<string> Subfolders, IReadOnlyList<string> Files);
