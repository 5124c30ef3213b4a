using System.Text.Json.Nodes;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// Writes one layer's archive (docs/venvstacks-reference.md §4.3–§4.4) and completes its metadata with the archive's
/// size and SHA-256. The single top-level folder is the layer's install target; every entry's time is the layer's lock
/// time, or the request's <c>SOURCE_DATE_EPOCH</c> when given.
/// </summary>
internal sealed class LayerArchiver(PublishRequest request, PublishNaming naming, IProgress<LayerArchiveProgress>? progress)
{
    /// <summary>The published metadata and the archive's figures.</summary>
    public async Task<(JsonObject Metadata, ArchiveStatistics Statistics)> ArchiveAsync(
        LayerToPublish layer,
        ArchiveBuildPlan plan,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var source = LayerArchiveSource.For(layer.Plan, request.PostInstallScript);
        using var staged = source.NeedsStagedCopy
            ? await StagedLayerCopy.CreateAsync(layer.Plan, naming.OutputDirectory, cancellationToken).ConfigureAwait(false)
            : null;
        var archiveRequest = new ArchiveWriteRequest(
            staged?.EnvironmentPath ?? layer.Plan.Layer.EnvironmentPath,
            layer.Plan.Layer.InstallTarget,
            naming.ArchivePath(plan.ArchiveName),
            naming.Format,
            request.SourceDateEpoch ?? layer.LockTime)
        {
            Include = DeploymentExclusions.Includes,
            ExtraFiles = source.ExtraFiles,
            Compression = request.Compression,
        };

        var recorder = new ProgressRecorder(layer.Layer.BuildName, plan.ArchiveName, progress);
        var written = await ReproducibleArchiveWriter.WriteAsync(archiveRequest, recorder, cancellationToken).ConfigureAwait(false);
        diagnostics.AddRange(written.Warnings);

        var metadata = (JsonObject)plan.BuildMetadata.DeepClone();
        metadata[PublishMetadataKeys.ArchiveSize] = written.Size;
        metadata[PublishMetadataKeys.ArchiveHashes] = new JsonObject { [PublishMetadataKeys.Sha256] = written.Sha256 };
        var last = recorder.Last;
        return (metadata, new ArchiveStatistics(last.BytesIn, written.Size, last.Elapsed));
    }

    /// <summary>Keeps the writer's last report (it reports once more when complete) and passes every report on.</summary>
    private sealed class ProgressRecorder(string buildName, string archiveName, IProgress<LayerArchiveProgress>? next) : IProgress<ArchiveProgress>
    {
        public ArchiveProgress Last { get; private set; }

        public void Report(ArchiveProgress value)
        {
            Last = value;
            next?.Report(new LayerArchiveProgress(buildName, archiveName, value));
        }
    }
}
