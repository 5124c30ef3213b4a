using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace VenvStacks.Tasks;

/// <summary>
/// Base of every VenvStacks task: runs <see cref="ExecuteCore"/> and turns anything it did not expect into one coded
/// error (VSTK9999) with the stack trace only in the detailed log, so a bug never surfaces as a raw MSBuild crash.
/// Success is "no error was logged", so engine diagnostics decide the outcome. MSBuild's own
/// BuildAbortedException (a canceled build) passes through unchanged, as MSBuild requires.
/// </summary>
public abstract class VenvStacksTask : MSBuildTask
{
    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
#pragma warning disable CA1031 // Catching everything is the point: one coded error instead of MSB4018 and a stack trace.
        catch (Exception exception) when (!IsBuildAborted(exception))
#pragma warning restore CA1031
        {
            InternalErrorLog.Log(Log, GetType().Name, exception);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The task's work. Report problems through <see cref="Microsoft.Build.Utilities.Task.Log"/>; throw only for bugs.</summary>
    protected abstract void ExecuteCore();

    // MSBuild signals a canceled build by throwing its BuildAbortedException (from IBuildEngine3.Reacquire, say),
    // which lives in Microsoft.Build.dll; tasks reference only the Framework and Utilities assemblies.
    private static bool IsBuildAborted(Exception exception) =>
        exception.GetType().FullName == "Microsoft.Build.Exceptions.BuildAbortedException";
}
