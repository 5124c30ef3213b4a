using System.Collections.Immutable;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Core.Building;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.Index;
using static VenvStacks.Tasks.MSBuildEscaping;

namespace VenvStacks.Tasks;

/// <summary>
/// Builds the stack's locked layers (venvstacks <c>build</c>) into the build folder: the runtime from its
/// python-build-standalone archive, frameworks and applications as layered environments, every wheel installed from the
/// lock without running pip or Python. Layers whose last build matches the spec, lock and modules are not touched; a
/// changed layer is rebuilt beside the old one and swapped in when complete. Engine diagnostics become MSBuild errors
/// with code, file and line; progress (downloads, one line per layer) is logged at high importance.
/// </summary>
public sealed class BuildLayers : VenvStacksCancelableTask
{
    /// <summary>The spec file (<c>venvstacks.toml</c>); a relative path is taken from the project's folder.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary>The build folder (layers in <c>&lt;folder&gt;/&lt;build name&gt;/</c>); relative to the project's folder.</summary>
    [Required]
    public string BuildDirectory { get; set; } = string.Empty;

    /// <summary>A runtime downloads table (path or URL) whose entries take precedence over the pinned one.</summary>
    public string PythonDownloads { get; set; } = string.Empty;

    /// <summary>A base URL or folder replacing the python-build-standalone download host.</summary>
    public string PythonMirror { get; set; } = string.Empty;

    /// <summary>The download cache; empty for the default (<c>VENVSTACKS_CACHE_DIR</c>, else the per-user cache).</summary>
    public string CacheDirectory { get; set; } = string.Empty;

    /// <summary>Never touch the network: wheels and runtimes come only from the caches.</summary>
    public bool Offline { get; set; }

    /// <summary>Build-name patterns of the layers to build (their lower layers are built when needed); empty for all.</summary>
    public string[] Include { get; set; } = [];

    /// <summary>Run each built layer's Python to check it, when this machine can.</summary>
    public bool Verify { get; set; } = true;

    /// <summary>Rebuild the selected layers even when their last build matches.</summary>
    public bool Force { get; set; }

    /// <summary>Every considered layer: its build folder, with metadata <c>Layer</c> (build name) and <c>Status</c>
    /// (<c>Built</c>, <c>UpToDate</c>, <c>NotForThisPlatform</c>, <c>Blocked</c>, <c>Failed</c>).</summary>
    [Output]
    public ITaskItem[] Layers { get; private set; } = [];

    /// <summary>Whether this run built or changed any layer.</summary>
    [Output]
    public bool Changed { get; private set; }

    /// <inheritdoc />
    protected override void ExecuteCancelableCore()
    {
        // Read before the node is yielded: MSBuild may switch the process environment to another project's meanwhile.
        var variables = LockEnvironmentVariables.FromProcess();
        var spec = StackSpecInput.Load(Log, BuildEngine.ProjectFileOfTaskNode, Spec, variables.SpecLoadOptions, logWarnings: false);
        if (spec is null)
        {
            return;
        }

        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(BuildEngine.ProjectFileOfTaskNode)) ?? spec.SpecDirectory;
        var cacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory)
            ? VenvStacks.Packaging.Caching.CacheDirectory.GetDefault()
            : Path.GetFullPath(CacheDirectory, projectDirectory);
        var options = new StackBuildOptions
        {
            BuildDirectory = Path.GetFullPath(BuildDirectory, projectDirectory),
            Runtimes = new RuntimeSourceOptions
            {
                DownloadsTable = Location(PythonDownloads, projectDirectory),
                Mirror = Location(PythonMirror, projectDirectory),
                CacheRoot = cacheDirectory,
            },
            Include = [.. Include.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())],
            Force = Force,
            Verify = Verify,
            Progress = progress => Log.LogMessage(progress.Detail ? MessageImportance.Low : MessageImportance.High, "{0}", progress.Message),
        };

        var activity = new IndexActivityLog(Log, TimeProvider.System);
        using var client = new IndexClient(new IndexClientOptions
        {
            CacheDirectory = cacheDirectory,
            Offline = Offline,
            Environment = variables.Credentials,
            Log = activity.Record,
        });
        var result = RunYielding(cancellationToken => new StackBuilder(client).BuildAsync(spec, options, cancellationToken));

        if (activity.Summary() is { } summary)
        {
            Log.LogMessage(MessageImportance.High, "{0}", summary);
        }

        DiagnosticLog.LogAll(Log, result.Diagnostics, spec.SpecPath);
        Layers = [.. result.Layers.Select(ToItem)];
        Changed = result.Changed;
        Log.LogMessage(MessageImportance.High, "{0}", Summarize(result.Layers));
    }

    // URLs stay as written; anything else is a path relative to the project.
    private static string? Location(string value, string projectDirectory) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file" ? value.Trim()
        : Path.GetFullPath(value.Trim(), projectDirectory);

    private static TaskItem ToItem(LayerBuildReport report)
    {
        var item = new TaskItem(Escape(report.EnvironmentPath));
        item.SetMetadata("Layer", Escape(report.BuildName));
        item.SetMetadata("Status", report.Status.ToString());
        return item;
    }

    private static string Summarize(ImmutableArray<LayerBuildReport> layers)
    {
        int Count(LayerBuildStatus status) => layers.Count(layer => layer.Status == status);
        var parts = new List<string> { $"{Count(LayerBuildStatus.Built)} built", $"{Count(LayerBuildStatus.UpToDate)} up to date" };
        if (Count(LayerBuildStatus.NotForThisPlatform) is > 0 and var other)
        {
            parts.Add($"{other} for other platforms");
        }

        if (Count(LayerBuildStatus.Failed) + Count(LayerBuildStatus.Blocked) is > 0 and var failed)
        {
            parts.Add($"{failed} not built");
        }

        return "Layers: " + string.Join(", ", parts);
    }
}
