namespace VenvStacks.TestSupport.Sdk;

/// <summary>An error or warning as MSBuild logged it, with the position it points at.</summary>
/// <param name="IsError">True for errors, false for warnings.</param>
/// <param name="Code">The diagnostic code, e.g. <c>VSTK1001</c> or <c>MSB4062</c>; empty when none was given.</param>
/// <param name="Message">The message text.</param>
/// <param name="File">The file the diagnostic points into (null when it names none).</param>
/// <param name="LineNumber">1-based line, 0 when not given.</param>
/// <param name="ColumnNumber">1-based column, 0 when not given.</param>
/// <param name="EndLineNumber">1-based end line, 0 when not given.</param>
/// <param name="EndColumnNumber">1-based end column, 0 when not given.</param>
/// <param name="ProjectFile">The project that was building.</param>
public sealed record BuildDiagnostic(
    bool IsError,
    string Code,
    string Message,
    string? File,
    int LineNumber,
    int ColumnNumber,
    int EndLineNumber,
    int EndColumnNumber,
    string? ProjectFile)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{File}({LineNumber},{ColumnNumber}): {(IsError ? "error" : "warning")} {Code}: {Message}";
}
