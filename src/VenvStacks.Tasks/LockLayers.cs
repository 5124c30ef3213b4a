using System.Collections.Immutable;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep503;
using static VenvStacks.Tasks.MSBuildEscaping;

namespace VenvStacks.Tasks;

/// <summary>
/// Locks the layers of the stack (venvstacks <c>lock</c>): writes <c>requirements/&lt;layer&gt;/</c> for every layer
/// whose lock is missing or stale (mode <c>Auto</c>), only checks the locks (<c>Locked</c>: a stale lock is an error
/// and the network is never used), or relocks every layer keeping the previous pins where they still fit
/// (<c>Update</c>). Whether a lock is valid is decided from its hashes, so a stack that is already locked costs no
/// network access. Engine diagnostics become MSBuild errors and warnings with code, file and line.
/// </summary>
public sealed class LockLayers : VenvStacksCancelableTask
{
    /// <summary>The spec file (<c>venvstacks.toml</c>); a relative path is taken from the project's folder.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary><c>Auto</c> (default), <c>Locked</c> or <c>Update</c>, in any letter case.</summary>
    public string Mode { get; set; } = nameof(LockMode.Auto);

    /// <summary>Build-name wildcards (<c>*</c>, <c>?</c>) of layers to relock without their previous pins.</summary>
    public string[] ResetLock { get; set; } = [];

    /// <summary>Relock every layer choosing the newest allowed versions (previous pins are not preferred).</summary>
    public bool Upgrade { get; set; }

    /// <summary>Packages whose previous pins are not preferred when relocking (any spelling of the name).</summary>
    public string[] UpgradePackages { get; set; } = [];

    /// <summary>Folders of wheels searched for every package (find-links); relative paths are taken from the spec's folder.</summary>
    public ITaskItem[] LocalWheels { get; set; } = [];

    /// <summary>Use no package index, only <see cref="LocalWheels"/> and flat indexes of the spec.</summary>
    public bool NoIndex { get; set; }

    /// <summary>Never touch the network: index pages and files come only from the cache.</summary>
    public bool Offline { get; set; }

    /// <summary>The download cache; empty for the default (<c>VENVSTACKS_CACHE_DIR</c>, else the per-user cache).</summary>
    public string CacheDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Every lock file of every enabled layer as it is after the run, with metadata <c>Layer</c> (build name) and
    /// <c>LockFileKind</c> (<c>Requirements</c>, <c>PyLock</c>, <c>Metadata</c>, <c>Summary</c>). These live in the
    /// source tree: they are never registered for Clean.
    /// </summary>
    [Output]
    public ITaskItem[] LockFiles { get; private set; } = [];

    /// <summary>The lock files this run created or changed.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    /// <summary>Whether this run created or changed any lock file.</summary>
    [Output]
    public bool LockChanged { get; private set; }

    /// <summary>How long a silent package index is waited for before the console hears about it (tests shorten it).</summary>
    internal TimeSpan LongWaitNotice { get; set; } = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    protected override void ExecuteCancelableCore()
    {
        if (!LockSettings.TryParseMode(Mode, out var mode))
        {
            LogSettingError($"Unknown VenvStacksLockMode '{Mode}': use Auto, Locked or Update.");
            return;
        }

        var upgradePackages = UpgradePackages.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => NormalizedName.From(p.Trim()).Value).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var resetPatterns = ResetLock.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToImmutableArray();
        if (mode == LockMode.Locked && (Upgrade || upgradePackages.Length > 0 || resetPatterns.Length > 0))
        {
            LogSettingError(
                "VenvStacksLockMode is Locked (the default when ContinuousIntegrationBuild is true), which never changes a lock, "
                + "but VenvStacksResetLock, VenvStacksUpgrade or VenvStacksUpgradePackages asks for a relock. Use -p:VenvStacksLockMode=Update.");
            return;
        }

        // Read before the node is yielded: MSBuild may switch the process environment to another project's meanwhile.
        var variables = LockEnvironmentVariables.FromProcess();
        var spec = StackSpecInput.Load(Log, BuildEngine.ProjectFileOfTaskNode, Spec, variables.SpecLoadOptions, logWarnings: false);
        if (spec is null)
        {
            return;
        }

        // An upgrade is a relock by definition; in Auto mode a valid lock would otherwise be left alone.
        var effectiveMode = mode == LockMode.Auto && (Upgrade || upgradePackages.Length > 0) ? LockMode.Update : mode;
        var options = new LockOptions(effectiveMode, resetPatterns, Upgrade, upgradePackages);
        var activity = new IndexActivityLog(Log, TimeProvider.System) { LongWait = LongWaitNotice };
        var environment = new LockEnvironment(
            // The default is resolved now: it depends on environment variables, which are not ours once yielded.
            string.IsNullOrWhiteSpace(CacheDirectory) ? VenvStacks.Packaging.Caching.CacheDirectory.GetDefault() : Path.GetFullPath(CacheDirectory, spec.SpecDirectory),
            [.. LocalWheels.Select(w => Path.GetFullPath(w.ItemSpec, spec.SpecDirectory))],
            NoIndex,
            Offline,
            variables.Credentials,
            activity.Record);

        using var resolver = new IndexPlatformResolver(spec, environment);
        LockRunResult result;
        using (new IndexWaitWatch(activity))
        {
            result = RunYielding(cancellationToken => new LockEngine(resolver).LockAsync(spec, options, activity.Progress, cancellationToken));
        }

        if (activity.Summary() is { } summary)
        {
            Log.LogMessage(MessageImportance.High, "{0}", summary);
        }

        DiagnosticLog.LogAll(Log, result.Diagnostics, spec.SpecPath);
        LockFiles = ExistingLockFiles(spec);
        WrittenFiles = [.. result.WrittenFiles.Select(f => new TaskItem(Escape(f)))];
        LockChanged = result.WrittenFiles.Length > 0;
        Log.LogMessage(MessageImportance.High, "{0}", LockSettings.Summarize(spec, result, effectiveMode));
    }

    private void LogSettingError(string message) =>
        Log.LogError(
            null, TaskDiagnosticCodes.InvalidLockSettings, null,
            BuildEngine.ProjectFileOfTaskNode, BuildEngine.LineNumberOfTaskNode, BuildEngine.ColumnNumberOfTaskNode, 0, 0,
            message);

    private static ITaskItem[] ExistingLockFiles(StackSpec spec)
    {
        var items = new List<ITaskItem>();
        foreach (var layer in spec.Layers)
        {
            var files = LayerLockFiles.For(spec, layer);
            foreach (var (path, kind) in new[]
            {
                (files.InputPath, "Requirements"),
                (files.PyLockPath, "PyLock"),
                (files.MetadataPath, "Metadata"),
                (files.SummaryPath, "Summary"),
            })
            {
                if (File.Exists(path))
                {
                    var item = new TaskItem(Escape(path));
                    item.SetMetadata("Layer", Escape(layer.BuildName));
                    item.SetMetadata("LockFileKind", kind);
                    items.Add(item);
                }
            }
        }

        return [.. items];
    }
}
