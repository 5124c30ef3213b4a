using System.Collections.Immutable;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging.StructuredLogger;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>
/// The facts tests check in a binary log: which targets ran or were skipped (and why), errors and warnings with
/// their positions, and high-importance messages. Built from the raw event records, so it does not depend on how
/// a viewer would arrange them; the full tree is still available as <see cref="Tree"/>.
/// </summary>
public sealed class BuildLog
{
    private readonly Lazy<Build> _tree;

    private BuildLog(
        string path,
        ImmutableArray<TargetRun> targetRuns,
        ImmutableArray<TargetSkip> targetSkips,
        ImmutableArray<BuildDiagnostic> diagnostics,
        ImmutableArray<string> highImportanceMessages,
        ImmutableArray<ProjectStartedEventArgs> projectsStarted)
    {
        Path = path;
        TargetRuns = targetRuns;
        TargetSkips = targetSkips;
        Errors = [.. diagnostics.Where(d => d.IsError)];
        Warnings = [.. diagnostics.Where(d => !d.IsError)];
        HighImportanceMessages = highImportanceMessages;
        ProjectsStarted = projectsStarted;
        _tree = new Lazy<Build>(() => BinaryLog.ReadBuild(path));
    }

    /// <summary>The binary log file.</summary>
    public string Path { get; }

    /// <summary>Every target that started, with its project and whether it succeeded.</summary>
    public ImmutableArray<TargetRun> TargetRuns { get; }

    /// <summary>
    /// Every skip MSBuild reported, with the reason (outputs up to date, previously built, ...). MSBuild does not
    /// report targets skipped for a false condition here: for those, check <c>!TargetRan(name)</c>.
    /// </summary>
    public ImmutableArray<TargetSkip> TargetSkips { get; }

    /// <summary>Errors in the order they were logged.</summary>
    public ImmutableArray<BuildDiagnostic> Errors { get; }

    /// <summary>Warnings in the order they were logged.</summary>
    public ImmutableArray<BuildDiagnostic> Warnings { get; }

    /// <summary>Messages logged at high importance (what the default console verbosity shows).</summary>
    public ImmutableArray<string> HighImportanceMessages { get; }

    /// <summary>Every project build request, with its global properties (to count how often a project was built).</summary>
    public ImmutableArray<ProjectStartedEventArgs> ProjectsStarted { get; }

    /// <summary>The StructuredLogger tree of the whole build, for questions the flat lists do not answer.</summary>
    public Build Tree => _tree.Value;

    /// <summary>True when a target of this name started (in any project).</summary>
    public bool TargetRan(string targetName) => TargetRuns.Any(t => t.Name == targetName);

    /// <summary>True when MSBuild reported a skip of this target and it never started (in any project).</summary>
    public bool TargetSkipped(string targetName) =>
        TargetSkips.Any(t => t.Name == targetName) && !TargetRan(targetName);

    /// <summary>True when a target of this name was skipped for the given reason.</summary>
    public bool TargetSkipped(string targetName, TargetSkipReason reason) =>
        TargetSkips.Any(t => t.Name == targetName && t.Reason == reason);

    /// <summary>Reads and replays a binary log.</summary>
    public static BuildLog Read(string path)
    {
        var runs = ImmutableArray.CreateBuilder<TargetRun>();
        var skips = ImmutableArray.CreateBuilder<TargetSkip>();
        var diagnostics = ImmutableArray.CreateBuilder<BuildDiagnostic>();
        var messages = ImmutableArray.CreateBuilder<string>();
        var projects = ImmutableArray.CreateBuilder<ProjectStartedEventArgs>();

        // ReadRecords, not Replay: Replay of StructuredLogger 2.3.269 silently stops early on some logs written by
        // MSBuild 18.9 (seen when the build ran with MSBUILDDISABLENODEREUSE set), while reading records sees all.
        foreach (var record in new BinLogReader().ReadRecords(path))
        {
            switch (record.Args)
            {
                case TargetFinishedEventArgs finished:
                    runs.Add(new TargetRun(finished.TargetName, finished.ProjectFile, finished.Succeeded));
                    break;
                case TargetSkippedEventArgs skipped:
                    skips.Add(new TargetSkip(skipped.TargetName, skipped.ProjectFile, skipped.SkipReason));
                    break;
                case BuildErrorEventArgs error:
                    diagnostics.Add(new BuildDiagnostic(
                        true, error.Code ?? string.Empty, error.Message ?? string.Empty, error.File,
                        error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber, error.ProjectFile));
                    break;
                case BuildWarningEventArgs warning:
                    diagnostics.Add(new BuildDiagnostic(
                        false, warning.Code ?? string.Empty, warning.Message ?? string.Empty, warning.File,
                        warning.LineNumber, warning.ColumnNumber, warning.EndLineNumber, warning.EndColumnNumber, warning.ProjectFile));
                    break;
                case ProjectStartedEventArgs started:
                    projects.Add(started);
                    break;
                case BuildMessageEventArgs message
                    when message.Importance == MessageImportance.High && message is not TaskCommandLineEventArgs:
                    messages.Add(message.Message ?? string.Empty);
                    break;
            }
        }

        return new BuildLog(path, runs.ToImmutable(), skips.ToImmutable(), diagnostics.ToImmutable(), messages.ToImmutable(), projects.ToImmutable());
    }
}

/// <summary>A target that ran.</summary>
/// <param name="Name">Target name.</param>
/// <param name="ProjectFile">Project it ran in.</param>
/// <param name="Succeeded">False when it failed.</param>
public sealed record TargetRun(string Name, string ProjectFile, bool Succeeded);

/// <summary>A target MSBuild skipped.</summary>
/// <param name="Name">Target name.</param>
/// <param name="ProjectFile">Project it was skipped in.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record TargetSkip(string Name, string ProjectFile, TargetSkipReason Reason);
