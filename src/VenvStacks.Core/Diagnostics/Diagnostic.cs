namespace VenvStacks.Core.Diagnostics;

/// <summary>One coded message about the user's input, with the place in a file it is about when there is one.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The catalogue code, <c>VSTK####</c> (see docs/errors.md).</param>
/// <param name="Message">The message, in words a user can act on.</param>
/// <param name="Location">Where in a file the problem is, or null when it is not tied to a file.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation? Location)
{
    /// <summary>Whether this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>An error from a catalogue entry.</summary>
    public static Diagnostic Error(DiagnosticDescriptor descriptor, string message, SourceLocation? location) =>
        new(DiagnosticSeverity.Error, descriptor.Code, message, location);

    /// <summary>A warning from a catalogue entry.</summary>
    public static Diagnostic Warning(DiagnosticDescriptor descriptor, string message, SourceLocation? location) =>
        new(DiagnosticSeverity.Warning, descriptor.Code, message, location);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Location?.ToString() ?? "venvstacks"}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
