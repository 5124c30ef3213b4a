using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Tasks;

/// <summary>
/// Codes the MSBuild layer raises itself, in the MSBuild-integration range (VSTK5xxx) of the catalogue in
/// docs/errors.md. Spec, lock and build problems carry the engine's own codes.
/// </summary>
internal static class TaskDiagnosticCodes
{
    /// <summary>The build runs on an MSBuild for which no task assembly is shipped (raised from the SDK targets).</summary>
    public static string UnsupportedMSBuildRuntime => DiagnosticCodes.UnsupportedMSBuildRuntime.Code;

    /// <summary>The task assembly named by VenvStacksTasksAssembly does not exist (raised from the SDK targets).</summary>
    public static string TaskAssemblyMissing => DiagnosticCodes.TaskAssemblyMissing.Code;

    /// <summary>VenvStacksShowFormat names no known output format.</summary>
    public static string UnknownShowFormat => DiagnosticCodes.UnknownShowFormat.Code;

    /// <summary>VenvStacksLockMode names no lock mode, or the lock settings contradict each other.</summary>
    public static string InvalidLockSettings => DiagnosticCodes.InvalidLockSettings.Code;

    /// <summary>VenvStacksArchiveFormat or VenvStacksCompressionLevel has a value publishing cannot use.</summary>
    public static string InvalidPublishSettings => DiagnosticCodes.InvalidPublishSettings.Code;

    /// <summary>The build was canceled while a task worked.</summary>
    public static string Canceled => DiagnosticCodes.TaskCanceled.Code;

    /// <summary>An unexpected exception inside a task: a bug.</summary>
    public static string InternalError => DiagnosticCodes.InternalError.Code;
}
