using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Environments;

/// <summary>A layer's environment files could not be written; <see cref="Diagnostic"/> is the coded error to report.</summary>
public sealed class LayerEnvironmentException : Exception
{
    /// <summary>An error from a catalogue entry about <paramref name="path"/> (or about the spec, via <paramref name="location"/>).</summary>
    public LayerEnvironmentException(DiagnosticDescriptor descriptor, string message, string? path, SourceLocation? location = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Diagnostic = Diagnostic.Error(descriptor, message, location ?? (path is null ? null : SourceLocation.FileOnly(path)));
    }

    /// <summary>The coded error.</summary>
    public Diagnostic Diagnostic { get; }
}
