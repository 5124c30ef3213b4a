namespace VenvStacks.Packaging.Installation;

/// <summary>
/// A wheel could not be installed, or a distribution could not be uninstalled. <see cref="Kind"/> says why,
/// <see cref="Subject"/> names the wheel file or <c>.dist-info</c> folder and <see cref="Entry"/> the archive entry or
/// RECORD path at fault. When thrown during validation, nothing was written.
/// </summary>
public sealed class InstallationException : Exception
{
    /// <summary>Creates an exception of kind <see cref="InstallationErrorKind.FileSystemFailure"/>; prefer the
    /// constructor that names the kind and subject.</summary>
    public InstallationException()
        : this(InstallationErrorKind.FileSystemFailure, string.Empty, null, "Installation failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="InstallationErrorKind.FileSystemFailure"/>.</summary>
    /// <param name="message">The description.</param>
    public InstallationException(string message)
        : this(InstallationErrorKind.FileSystemFailure, string.Empty, null, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="InstallationErrorKind.FileSystemFailure"/> with a cause.</summary>
    /// <param name="message">The description.</param>
    /// <param name="innerException">The cause.</param>
    public InstallationException(string message, Exception? innerException)
        : this(InstallationErrorKind.FileSystemFailure, string.Empty, null, message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="kind">Why the operation failed.</param>
    /// <param name="subject">The wheel file name or <c>.dist-info</c> folder concerned.</param>
    /// <param name="entry">The archive entry or RECORD path concerned, if any.</param>
    /// <param name="message">The complete description, naming the subject and entry.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InstallationException(InstallationErrorKind kind, string subject, string? entry, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Subject = subject;
        Entry = entry;
    }

    /// <summary>Why the operation failed.</summary>
    public InstallationErrorKind Kind { get; }

    /// <summary>The wheel file name, or the <c>.dist-info</c> folder of an installed distribution.</summary>
    public string Subject { get; }

    /// <summary>The archive entry or RECORD path at fault, or null when the failure concerns the whole subject.</summary>
    public string? Entry { get; }

    /// <summary>An exception about one entry of <paramref name="subject"/>: the message starts with both names.</summary>
    internal static InstallationException ForEntry(InstallationErrorKind kind, string subject, string entry, string problem, Exception? innerException = null) =>
        new(kind, subject, entry, $"{subject}: '{entry}' {problem}", innerException);

    /// <summary>An exception about <paramref name="subject"/> as a whole.</summary>
    internal static InstallationException ForSubject(InstallationErrorKind kind, string subject, string problem, Exception? innerException = null) =>
        new(kind, subject, null, $"{subject}: {problem}", innerException);
}
