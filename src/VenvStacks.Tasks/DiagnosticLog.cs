using Microsoft.Build.Utilities;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Tasks;

/// <summary>Maps engine diagnostics onto MSBuild errors and warnings, keeping code, file and position.</summary>
internal static class DiagnosticLog
{
    /// <summary>
    /// Logs every diagnostic. One without a location is attributed to <paramref name="fallbackFile"/> (the spec), so
    /// each message still names the file it is about.
    /// </summary>
    public static void LogAll(TaskLoggingHelper log, IEnumerable<Diagnostic> diagnostics, string fallbackFile)
    {
        foreach (var diagnostic in diagnostics)
        {
            Log(log, diagnostic, fallbackFile);
        }
    }

    /// <summary>Logs one diagnostic with its code and position.</summary>
    public static void Log(TaskLoggingHelper log, Diagnostic diagnostic, string fallbackFile)
    {
        var location = diagnostic.Location ?? SourceLocation.FileOnly(fallbackFile);

        // No message arguments are passed, so braces in a message (TOML inline tables) are never format items.
        if (diagnostic.IsError)
        {
            log.LogError(
                null, diagnostic.Code, null, location.File,
                location.Line, location.Column, location.EndLine, location.EndColumn, diagnostic.Message);
        }
        else
        {
            log.LogWarning(
                null, diagnostic.Code, null, location.File,
                location.Line, location.Column, location.EndLine, location.EndColumn, diagnostic.Message);
        }
    }
}
