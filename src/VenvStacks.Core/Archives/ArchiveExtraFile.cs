namespace VenvStacks.Core.Archives;

/// <summary>
/// A file put into an archive that is not in the archived folder (publish injects <c>postinstall.py</c>,
/// docs/venvstacks-reference.md §4.3). It takes the place of a file of the same path in the folder; folders on its
/// path that the archived folder lacks are archived as directories.
/// </summary>
public sealed record ArchiveExtraFile
{
    private ArchiveExtraFile(string relativePath, ReadOnlyMemory<byte>? content, string? sourceFile, bool executable)
    {
        RelativePath = relativePath;
        Content = content;
        SourceFile = sourceFile;
        Executable = executable;
    }

    /// <summary>The path below the archive's top-level folder, components joined by <c>/</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The bytes to store, for files made in memory.</summary>
    public ReadOnlyMemory<byte>? Content { get; }

    /// <summary>The file whose bytes to store, for files copied from elsewhere.</summary>
    public string? SourceFile { get; }

    /// <summary>Whether the entry gets mode 0755 rather than 0644.</summary>
    public bool Executable { get; }

    /// <summary>A file with the given bytes.</summary>
    public static ArchiveExtraFile FromBytes(string relativePath, ReadOnlyMemory<byte> content, bool executable = false) =>
        new(relativePath, content, null, executable);

    /// <summary>A file with the bytes of <paramref name="sourceFile"/>, read when the archive is written.</summary>
    public static ArchiveExtraFile FromFile(string relativePath, string sourceFile, bool executable = false) =>
        new(relativePath, null, sourceFile, executable);
}
