using System.Collections;
using Microsoft.Build.Framework;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>
/// An MSBuild engine stand-in that records what a task logs (from any thread) and when it yields its node, for
/// running tasks in process.
/// </summary>
internal sealed class RecordingBuildEngine : IBuildEngine3
{
    private readonly object _gate = new();

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    /// <summary>"Yield" and "Reacquire" with the managed thread id each was called on, in call order.</summary>
    public List<(string Call, int ThreadId)> NodeCalls { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode { get; init; } = Path.Combine(Path.GetTempPath(), "test.venvproj");

    public bool IsRunningMultipleNodes => false;

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_gate)
        {
            Errors.Add(e);
        }
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_gate)
        {
            Warnings.Add(e);
        }
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (_gate)
        {
            Messages.Add(e);
        }
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    /// <summary>The messages logged so far, safe to call while the task still logs from other threads.</summary>
    public BuildMessageEventArgs[] MessagesSoFar()
    {
        lock (_gate)
        {
            return [.. Messages];
        }
    }

    public void Yield()
    {
        lock (_gate)
        {
            NodeCalls.Add(("Yield", Environment.CurrentManagedThreadId));
        }
    }

    public void Reacquire()
    {
        lock (_gate)
        {
            NodeCalls.Add(("Reacquire", Environment.CurrentManagedThreadId));
        }
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("VenvStacks tasks do not build other projects.");

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) =>
        throw new NotSupportedException("VenvStacks tasks do not build other projects.");

    public bool BuildProjectFilesInParallel(
        string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) =>
        throw new NotSupportedException("VenvStacks tasks do not build other projects.");

    public BuildEngineResult BuildProjectFilesInParallel(
        string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
        throw new NotSupportedException("VenvStacks tasks do not build other projects.");
}
