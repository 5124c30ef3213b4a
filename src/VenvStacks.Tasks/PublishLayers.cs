using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Deployment;
using VenvStacks.Core.Publishing;
using VenvStacks.Core.Runtimes;
using static VenvStacks.Tasks.MSBuildEscaping;

namespace VenvStacks.Tasks;

/// <summary>
/// Publishes the built layers (venvstacks <c>publish</c>, docs/venvstacks-reference.md §4): one reproducible archive
/// per layer with <c>postinstall.py</c> injected, and the <c>__venvstacks__/</c> metadata, numbered by
/// <c>archive_build</c>; an unchanged layer keeps its archive and metadata. The targets add every output file to the
/// publish list, so <c>dotnet publish</c> copies them into the publish folder and cleans stale ones.
/// </summary>
public sealed class PublishLayers : VenvStacksCancelableTask
{
    /// <summary>The spec file (<c>venvstacks.toml</c>); a relative path is taken from the project's folder.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary>The build folder BuildLayers wrote.</summary>
    [Required]
    public string BuildDirectory { get; set; } = string.Empty;

    /// <summary>Where archives and metadata are written (previous metadata is read from here).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary><c>tar.xz</c>, <c>tar.zst</c> or <c>zip</c>; empty for venvstacks' default of the platform (zip on
    /// Windows, tar.xz elsewhere).</summary>
    public string Format { get; set; } = string.Empty;

    /// <summary>Compression level (xz preset 0–9, zstd 1–22, deflate 0–9); empty for the format's default.</summary>
    public string CompressionLevel { get; set; } = string.Empty;

    /// <summary>Name archives <c>{install_target}-{platform}-{archive_build}</c> (venvstacks' <c>--tag-outputs</c>).</summary>
    public bool TagOutputs { get; set; }

    /// <summary>Build-name patterns of the layers to publish; empty for all. Others keep their manifest entries.</summary>
    public string[] Include { get; set; } = [];

    /// <summary>Only compute the metadata and print it; write nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>Archive every selected layer again with a new build number.</summary>
    public bool Force { get; set; }

    /// <summary>Every file of the publish output (archives and <c>__venvstacks__/</c> metadata), with metadata
    /// <c>RelativePath</c> below <see cref="OutputDirectory"/>.</summary>
    [Output]
    public ITaskItem[] PublishedFiles { get; private set; } = [];

    /// <inheritdoc />
    protected override void ExecuteCancelableCore()
    {
        var variables = LockEnvironmentVariables.FromProcess();
        var spec = StackSpecInput.Load(Log, BuildEngine.ProjectFileOfTaskNode, Spec, variables.SpecLoadOptions, logWarnings: false);
        if (spec is null || !TryParseSettings(out var format, out var level))
        {
            return;
        }

        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(BuildEngine.ProjectFileOfTaskNode)) ?? spec.SpecDirectory;
        var output = Path.GetFullPath(OutputDirectory, projectDirectory);
        var request = new PublishRequest
        {
            Spec = spec,
            BuildDirectory = Path.GetFullPath(BuildDirectory, projectDirectory),
            OutputDirectory = output,
            Platform = HostPlatform.Current(),
            PostInstallScript = PostInstallScript.Bytes,
            Format = format,
            Compression = new ArchiveCompression(level),
            TagOutputs = TagOutputs,
            Include = [.. Include.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())],
            DryRun = DryRun,
            Force = Force,
            // Read now: the process environment is not ours once the node is yielded.
            SourceDateEpoch = SourceDateEpoch(),
        };

        var result = RunYielding(cancellationToken => PublishEngine.PublishAsync(request, new Progress(Log), cancellationToken));
        DiagnosticLog.LogAll(Log, result.Diagnostics, spec.SpecPath);
        foreach (var layer in result.Layers)
        {
            Log.LogMessage(layer.Action == LayerPublishAction.Kept ? MessageImportance.Low : MessageImportance.High, "{0}", Describe(layer));
        }

        if (DryRun && result.ManifestJson is { } manifest)
        {
            Log.LogMessage(MessageImportance.High, "{0}", manifest);
        }

        PublishedFiles = [.. result.OutputFiles.Select(file => ToItem(file, output))];
    }

    private bool TryParseSettings(out ArchiveFormat? format, out int? level)
    {
        level = null;
        if (!TryParseFormat(Format, out format))
        {
            LogSettingError($"Unknown VenvStacksArchiveFormat '{Format}': use tar.xz, tar.zst or zip (empty for the platform's default).");
            return false;
        }

        if (string.IsNullOrWhiteSpace(CompressionLevel))
        {
            return true;
        }

        if (!int.TryParse(CompressionLevel.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            LogSettingError($"VenvStacksCompressionLevel '{CompressionLevel}' is not a whole number.");
            return false;
        }

        // The range of the format is checked by the publish itself (VSTK4048), where the format is known.
        level = parsed;
        return true;
    }

    private static bool TryParseFormat(string text, out ArchiveFormat? format)
    {
        format = text.Trim().ToLowerInvariant() switch
        {
            "tar.xz" or "xz" => ArchiveFormat.TarXz,
            "tar.zst" or "zst" or "zstd" => ArchiveFormat.TarZst,
            "zip" => ArchiveFormat.Zip,
            _ => null,
        };
        return format is not null || string.IsNullOrWhiteSpace(text);
    }

    private static DateTimeOffset? SourceDateEpoch() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private void LogSettingError(string message) =>
        Log.LogError(
            null, TaskDiagnosticCodes.InvalidPublishSettings, null,
            BuildEngine.ProjectFileOfTaskNode, BuildEngine.LineNumberOfTaskNode, BuildEngine.ColumnNumberOfTaskNode, 0, 0,
            message);

    private static string Describe(LayerPublication layer)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Publish {layer.BuildName}: {layer.Action}, {Path.GetFileName(layer.ArchivePath)} (archive_build {layer.ArchiveBuild})");
        return layer.Statistics is { } statistics ? text + ", " + statistics.Describe() : text;
    }

    private static TaskItem ToItem(string file, string output)
    {
        var item = new TaskItem(Escape(file));
        item.SetMetadata("RelativePath", Escape(Path.GetRelativePath(output, file)));
        return item;
    }

    // One line per archive when it is done would hide a long compression; the throttled figures go to the detailed log.
    private sealed class Progress(TaskLoggingHelper log) : IProgress<LayerArchiveProgress>
    {
        public void Report(LayerArchiveProgress value) =>
            log.LogMessage(
                MessageImportance.Normal,
                "{0}",
                $"Archiving {value.BuildName} into {value.ArchiveName}: {new ArchiveStatistics(value.Progress.BytesIn, value.Progress.BytesOut, value.Progress.Elapsed).Describe()}");
    }
}
