namespace VenvStacks.Core.Archives.Writing;

/// <summary>Stores entries in one archive format; paths are relative to the top-level folder.</summary>
internal interface IArchiveEntryWriter : IDisposable
{
    /// <summary>Uncompressed bytes produced so far.</summary>
    long BytesIn { get; }

    void AddDirectory(string relativePath);

    void AddSymbolicLink(string relativePath, string target);

    void AddFile(string relativePath, ArchiveFileData data, bool executable);

    /// <summary>Writes the archive's end; the output is complete only after this.</summary>
    void Complete();
}
