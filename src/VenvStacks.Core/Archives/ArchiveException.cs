using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives;

/// <summary>
/// An archive could not be written, read or extracted for a reason a user can act on. The message names the archive
/// and, where there is one, the entry at fault; <see cref="Descriptor"/> is its VSTK40xx catalogue entry.
/// </summary>
public sealed class ArchiveException : Exception
{
    /// <summary>Creates an internal-error exception; prefer the constructor that names the archive.</summary>
    public ArchiveException()
        : this(DiagnosticCodes.InternalError, string.Empty, null, "Archive operation failed.")
    {
    }

    /// <summary>Creates an internal-error exception; prefer the constructor that names the archive.</summary>
    public ArchiveException(string message)
        : this(DiagnosticCodes.InternalError, string.Empty, null, message)
    {
    }

    /// <summary>Creates an internal-error exception with a cause; prefer the constructor that names the archive.</summary>
    public ArchiveException(string message, Exception? innerException)
        : this(DiagnosticCodes.InternalError, string.Empty, null, message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="descriptor">The catalogue entry.</param>
    /// <param name="archivePath">The archive (or, when writing, the output archive) concerned.</param>
    /// <param name="entryName">The entry at fault, as stored in the archive or relative to the archived folder.</param>
    /// <param name="detail">What is wrong, in words a user can act on; the archive and entry are prefixed.</param>
    /// <param name="innerException">The cause.</param>
    public ArchiveException(DiagnosticDescriptor descriptor, string archivePath, string? entryName, string detail, Exception? innerException = null)
        : base(Compose(archivePath, entryName, detail), innerException)
    {
        Descriptor = descriptor;
        ArchivePath = archivePath;
        EntryName = entryName;
    }

    /// <summary>The catalogue entry.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The archive concerned.</summary>
    public string ArchivePath { get; }

    /// <summary>The entry at fault, or null when the problem is the archive as a whole.</summary>
    public string? EntryName { get; }

    /// <summary>The error as a diagnostic located at the archive file.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Error(Descriptor, Message, ArchivePath.Length == 0 ? null : SourceLocation.FileOnly(ArchivePath));

    private static string Compose(string archivePath, string? entryName, string detail) =>
        (archivePath.Length == 0 ? string.Empty : archivePath + ": ")
        + (entryName is null ? string.Empty : $"entry '{entryName}': ")
        + detail;
}
