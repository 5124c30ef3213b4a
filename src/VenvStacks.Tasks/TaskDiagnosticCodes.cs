namespace VenvStacks.Tasks;

/// <summary>
/// Codes the MSBuild layer raises itself (VSTK0xxx for integration problems, VSTK9999 for bugs). Spec, lock and
/// build diagnostics carry Core's codes. VSTK0001/VSTK0002 are raised from the SDK's targets; they are listed here
/// so the whole range lives in one place.
/// </summary>
internal static class TaskDiagnosticCodes
{
    /// <summary>The build runs on an MSBuild (.NET Framework, Mono) for which no task assembly is shipped.</summary>
    public const string UnsupportedMSBuildRuntime = "VSTK0001";

    /// <summary>The task assembly named by VenvStacksTasksAssembly does not exist.</summary>
    public const string TaskAssemblyMissing = "VSTK0002";

    /// <summary>VenvStacksShowFormat names no known output format.</summary>
    public const string UnknownShowFormat = "VSTK0003";

    /// <summary>An unexpected exception inside a task: a bug.</summary>
    public const string InternalError = "VSTK9999";
}
