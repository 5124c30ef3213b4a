using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Deployment;

/// <summary>A layer could not be deployed (exported, post-installed); <see cref="Diagnostic"/> is the coded error to report.</summary>
public sealed class DeploymentException : Exception
{
    /// <summary>An error from a catalogue entry about <paramref name="path"/>.</summary>
    public DeploymentException(DiagnosticDescriptor descriptor, string message, string? path, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Diagnostic = Diagnostic.Error(descriptor, message, path is null ? null : SourceLocation.FileOnly(path));
    }

    /// <summary>The coded error.</summary>
    public Diagnostic Diagnostic { get; }
}
