using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// A runtime could not be resolved, obtained, extracted or copied for a reason a user can act on. The message names the
/// runtime and the table, URL or file concerned (URLs with credentials redacted); <see cref="Descriptor"/> is its
/// catalogue entry: VSTK30xx, or the VSTK40xx of an archive that could not be extracted safely.
/// </summary>
public sealed class RuntimeException : Exception
{
    /// <summary>Creates an internal-error exception; prefer the constructor with a descriptor.</summary>
    public RuntimeException()
        : this(DiagnosticCodes.InternalError, "Runtime operation failed.")
    {
    }

    /// <summary>Creates an internal-error exception; prefer the constructor with a descriptor.</summary>
    public RuntimeException(string message)
        : this(DiagnosticCodes.InternalError, message)
    {
    }

    /// <summary>Creates an internal-error exception with a cause; prefer the constructor with a descriptor.</summary>
    public RuntimeException(string message, Exception? innerException)
        : this(DiagnosticCodes.InternalError, message, null, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="descriptor">The catalogue entry.</param>
    /// <param name="message">What is wrong, in words a user can act on; already free of credentials.</param>
    /// <param name="file">The local file the problem is in (a table, a RECORD, an archive), or null.</param>
    /// <param name="innerException">The cause.</param>
    public RuntimeException(DiagnosticDescriptor descriptor, string message, string? file = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Descriptor = descriptor;
        File = file;
    }

    /// <summary>The catalogue entry.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The local file the problem is in, or null.</summary>
    public string? File { get; }

    /// <summary>The error as a diagnostic, located at <see cref="File"/> when there is one.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Error(Descriptor, Message, File is null ? null : SourceLocation.FileOnly(File));
}
