using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace VenvStacks.Tasks;

/// <summary>Reports a bug (an exception a task did not expect) as one coded error a user can act on.</summary>
internal static class InternalErrorLog
{
    /// <summary>Logs <paramref name="exception"/> as one VSTK9999 error; the stack trace goes to the detailed log only.</summary>
    public static void Log(TaskLoggingHelper log, string taskName, Exception exception)
    {
        // No message arguments: braces in an exception message must not be read as format items.
        log.LogError(
            null, TaskDiagnosticCodes.InternalError, null, null, 0, 0, 0, 0,
            $"Internal error in VenvStacks task {taskName} ({exception.GetType().Name}: {exception.Message}). "
            + "This is a bug in VenvStacks.Sdk; please report it with the binary log (-bl), which holds the stack trace.");
        log.LogMessage(MessageImportance.Low, "{0}", exception.ToString());
    }
}
