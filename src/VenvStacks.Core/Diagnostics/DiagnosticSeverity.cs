namespace VenvStacks.Core.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop the stage that reports them, warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used as it is.</summary>
    Error,

    /// <summary>The input is used, but something about it deserves the user's attention.</summary>
    Warning,
}
