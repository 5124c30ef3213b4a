namespace VenvStacks.Core.Archives.Writing;

/// <summary>The entry orders of venvstacks' two archive writers (docs/venvstacks-reference.md §4.4).</summary>
internal enum ArchiveOrder
{
    /// <summary>
    /// <c>tarfile.add</c>: a directory, then its entries sorted by name, each directory's contents right after it
    /// (depth first, pre-order).
    /// </summary>
    DepthFirst,

    /// <summary>
    /// <c>os.walk</c> as venvstacks' zip writer uses it: a directory's subdirectories (sorted), then its other
    /// entries (sorted), then the same for each subdirectory in turn.
    /// </summary>
    DirectoriesThenFiles,
}
