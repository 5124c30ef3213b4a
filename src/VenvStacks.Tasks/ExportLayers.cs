using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Core.Export;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using static VenvStacks.Tasks.MSBuildEscaping;

namespace VenvStacks.Tasks;

/// <summary>
/// Exports the built layers side by side into the output folder as runnable environments (venvstacks
/// <c>local-export</c>, docs/venvstacks-reference.md §5): hard links to the build where the file system allows, the
/// deployed names in the Python links, <c>postinstall.py</c> run with the exported runtime's Python, metadata in
/// <c>__venvstacks__/</c>. Unchanged layers are left alone; layers removed from the spec disappear.
/// </summary>
public sealed class ExportLayers : VenvStacksCancelableTask
{
    /// <summary>The spec file (<c>venvstacks.toml</c>); a relative path is taken from the project's folder.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary>The build folder BuildLayers wrote.</summary>
    [Required]
    public string BuildDirectory { get; set; } = string.Empty;

    /// <summary>Where the layers go (each in <c>&lt;install target&gt;/</c>).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Build-name patterns of the layers to export (their lower layers come along); empty for all.</summary>
    public string[] Include { get; set; } = [];

    /// <summary>Run each exported layer's post-install script (with the exported runtime's Python) when this machine
    /// can run the layer.</summary>
    public bool PostInstall { get; set; } = true;

    /// <summary>Every exported layer folder, with metadata <c>Layer</c>, <c>InstallTarget</c> and <c>Action</c>.</summary>
    [Output]
    public ITaskItem[] Layers { get; private set; } = [];

    /// <inheritdoc />
    protected override void ExecuteCancelableCore()
    {
        var variables = LockEnvironmentVariables.FromProcess();
        var spec = StackSpecInput.Load(Log, BuildEngine.ProjectFileOfTaskNode, Spec, variables.SpecLoadOptions, logWarnings: false);
        if (spec is null)
        {
            return;
        }

        var selection = LayerSelection.Of(spec, [.. Include.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())]);
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(BuildEngine.ProjectFileOfTaskNode)) ?? spec.SpecDirectory;
        var output = Path.GetFullPath(OutputDirectory, projectDirectory);
        var request = new ExportRequest
        {
            Spec = spec,
            BuildDirectory = Path.GetFullPath(BuildDirectory, projectDirectory),
            LockStates = LockStateReader.Read(spec),
            OutputDirectory = output,
            Layers = Include.Length == 0 ? [] : [.. selection.Selected.Select(l => l.BuildName)],
            PostInstall = PostInstall ? ExportPostInstall.WithRuntimePython : ExportPostInstall.Skip,
        };

        var progress = new Progress(Log);
        var result = RunYielding(cancellationToken => StackExporter.ExportAsync(request, progress, cancellationToken));
        DiagnosticLog.LogAll(Log, result.Diagnostics, spec.SpecPath);
        foreach (var layer in result.Layers)
        {
            Log.LogMessage(
                layer.Action is LayerExportAction.UpToDate or LayerExportAction.NotBuilt ? MessageImportance.Low : MessageImportance.High,
                "{0}",
                Describe(layer));
        }

        Layers = [.. result.Layers.Where(l => l.InstallTarget is not null && l.Action is not (LayerExportAction.Removed or LayerExportAction.NotBuilt)).Select(l => ToItem(l, output))];
    }

    private static string Describe(LayerExportOutcome layer)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Export {layer.BuildName}: {layer.Action}");
        if (layer.Copy is { } copy)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {copy.Files} files ({copy.HardLinked} hard-linked, {copy.Copied} copied), {copy.Bytes / 1_000_000.0:0.0} MB");
        }

        if (layer.PostInstallSkipped is { } reason)
        {
            text += "; post-install not run: " + reason;
        }

        return text + string.Create(CultureInfo.InvariantCulture, $" ({layer.Elapsed.TotalSeconds:0.0} s)");
    }

    private static TaskItem ToItem(LayerExportOutcome layer, string output)
    {
        var item = new TaskItem(Escape(Path.Combine(output, layer.InstallTarget!)));
        item.SetMetadata("Layer", Escape(layer.BuildName));
        item.SetMetadata("InstallTarget", Escape(layer.InstallTarget!));
        item.SetMetadata("Action", layer.Action.ToString());
        return item;
    }

    // Copy progress is throttled by the exporter; a long layer shows up as a few detailed lines.
    private sealed class Progress(TaskLoggingHelper log) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) =>
            log.LogMessage(MessageImportance.Low, "{0}", string.Create(CultureInfo.InvariantCulture, $"Exporting {value.Layer}: {value.Files} files, {value.Megabytes:0.0} MB, {value.Elapsed.TotalSeconds:0.0} s"));
    }
}
