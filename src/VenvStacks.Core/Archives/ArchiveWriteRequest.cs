namespace VenvStacks.Core.Archives;

/// <summary>
/// What <see cref="ReproducibleArchiveWriter"/> writes: the tree under <paramref name="SourceDirectory"/>, stored
/// under one top-level folder <paramref name="RootName"/> (a layer's install target), to
/// <paramref name="OutputPath"/>, with every entry's time set to <paramref name="Timestamp"/>.
/// </summary>
/// <param name="SourceDirectory">The folder to archive.</param>
/// <param name="RootName">The top-level folder name inside the archive; one path component.</param>
/// <param name="OutputPath">The archive file to write; it is replaced only once the new archive is complete.</param>
/// <param name="Format">The archive format (the caller picks the extension; see <see cref="ArchiveFormats"/>).</param>
/// <param name="Timestamp">The time stored for every entry, whatever the file system says: the lock time or
/// <c>SOURCE_DATE_EPOCH</c>, chosen by the caller. Tar stores whole seconds; zip stores 2-second DOS steps plus the
/// exact second in an extended-timestamp field.</param>
public sealed record ArchiveWriteRequest(string SourceDirectory, string RootName, string OutputPath, ArchiveFormat Format, DateTimeOffset Timestamp)
{
    /// <summary>
    /// The caller's exclusion policy: entries it returns false for are left out (a directory with everything below
    /// it). Null includes everything. Publishing excludes <c>__pycache__</c>, <c>sitecustomize.py</c>,
    /// <c>pyvenv.cfg</c> and top-level dot files (docs/venvstacks-reference.md §4.3).
    /// </summary>
    public Func<ArchiveSourceItem, bool>? Include { get; init; }

    /// <summary>Files to add that are not in <see cref="SourceDirectory"/>, such as <c>postinstall.py</c>.</summary>
    public IReadOnlyList<ArchiveExtraFile> ExtraFiles { get; init; } = [];

    /// <summary>Compression level and threads.</summary>
    public ArchiveCompression Compression { get; init; } = ArchiveCompression.Default;
}
