using System.Collections.Immutable;
using System.Text.Json.Nodes;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Json;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Packaging.IO;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// Publishes the built layers of a stack (docs/venvstacks-reference.md §4): one reproducible archive per layer that
/// targets the platform, named and numbered as venvstacks does, with <c>__venvstacks__/</c> metadata. A layer whose
/// build metadata is unchanged since the previous publish is not archived again; its metadata is kept verbatim.
/// Beyond venvstacks, a filtered publish (<see cref="PublishRequest.Include"/>) keeps the other layers' entries in the
/// existing manifest. Every problem found before archiving (locks, builds, patterns, settings) is reported at once and
/// nothing is written; archives and metadata files are replaced atomically, each layer's metadata right after its
/// archive, and the manifest last.
/// </summary>
public static class PublishEngine
{
    /// <summary>Publishes (or, for a dry run, plans) what <paramref name="request"/> describes.</summary>
    /// <param name="request">The stack, build and output folders, platform and settings.</param>
    /// <param name="progress">Receives each archive's progress; may be null.</param>
    /// <param name="cancellationToken">Stops between and inside archives; nothing partial is left behind.</param>
    public static async Task<PublishResult> PublishAsync(PublishRequest request, IProgress<LayerArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var format = request.Format ?? PublishNaming.DefaultFormat(request.Platform);
        var naming = new PublishNaming(Path.GetFullPath(request.OutputDirectory), request.Platform, format, request.TagOutputs);
        PublishSettings.Check(request, naming, diagnostics);
        var selection = LayerSelection.Select(request.Spec, request.Platform, request.Include, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new PublishResult([], diagnostics.ToImmutable());
        }

        if (selection.Selected.IsEmpty)
        {
            diagnostics.Warning(
                DiagnosticCodes.PublishNothingSelected,
                $"No layer to publish for {request.Platform.Name}: {(selection.PlatformLayers.IsEmpty ? "no enabled layer targets it" : "the include patterns select none of its layers")}",
                SourceLocation.FileOnly(request.Spec.SpecPath));
        }

        var lockStates = request.LockStates ?? LockStateReader.Read(request.Spec, cancellationToken);
        var moduleFilter = SourceTreeFilter.For(request.Spec.SpecDirectory);
        var layers = selection.Selected
            .Select(l => LayerToPublish.Check(request, l, lockStates, moduleFilter, diagnostics))
            .ToList();
        if (diagnostics.HasErrors)
        {
            return new PublishResult([], diagnostics.ToImmutable());
        }

        var planned = new List<(LayerToPublish Layer, ArchiveBuildPlan Plan)>();
        foreach (var layer in layers.OfType<LayerToPublish>())
        {
            var previous = await PreviousMetadataFile.ReadAsync(naming.LayerMetadataPath(layer.Layer.BuildName), diagnostics, cancellationToken).ConfigureAwait(false);
            planned.Add((layer, ArchiveBuildPlan.Decide(layer.Details, naming, previous, request.Force && !request.DryRun)));
        }

        return request.DryRun
            ? DryRun(planned, naming, diagnostics)
            : await PublishAsync(request, naming, selection, planned, progress, diagnostics, cancellationToken).ConfigureAwait(false);
    }

    private static PublishResult DryRun(List<(LayerToPublish Layer, ArchiveBuildPlan Plan)> planned, PublishNaming naming, DiagnosticBag diagnostics)
    {
        var publications = planned.Select(p => new LayerPublication(
            p.Layer.Layer.BuildName,
            p.Layer.Layer.Kind,
            LayerPublishAction.Planned,
            p.Plan.ArchiveBuild,
            naming.ArchivePath(p.Plan.ArchiveName),
            naming.LayerMetadataPath(p.Layer.Layer.BuildName),
            PythonJson.SerializeFile(p.Plan.BuildMetadata),
            null));
        var manifest = PublishManifest.Create(planned.Select(p => (p.Layer.Layer.Kind, p.Plan.BuildMetadata)));
        return new PublishResult([.. publications], diagnostics.ToImmutable()) { ManifestJson = PythonJson.SerializeFile(manifest) };
    }

    private static async Task<PublishResult> PublishAsync(
        PublishRequest request,
        PublishNaming naming,
        LayerSelection selection,
        List<(LayerToPublish Layer, ArchiveBuildPlan Plan)> planned,
        IProgress<LayerArchiveProgress>? progress,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var archiver = new LayerArchiver(request, naming, progress);
        var written = ImmutableArray.CreateBuilder<string>();
        var published = new Dictionary<string, (LayerPublication Publication, JsonObject Metadata)>(StringComparer.Ordinal);
        foreach (var (layer, plan) in planned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var buildName = layer.Layer.BuildName;
            var archivePath = naming.ArchivePath(plan.ArchiveName);
            JsonObject metadata;
            ArchiveStatistics? statistics = null;
            try
            {
                if (plan.NeedsArchive)
                {
                    (metadata, var figures) = await archiver.ArchiveAsync(layer, plan, diagnostics, cancellationToken).ConfigureAwait(false);
                    statistics = figures;
                    written.Add(archivePath);
                }
                else
                {
                    metadata = plan.Previous!;
                }

                // Not canceled once the archive exists: the archive and its metadata are kept consistent as a pair.
                var metadataPath = naming.LayerMetadataPath(buildName);
                var metadataJson = PythonJson.SerializeFile(metadata);
                await WriteAsync(metadataPath, metadataJson, written, CancellationToken.None).ConfigureAwait(false);
                var action = plan.NeedsArchive ? LayerPublishAction.Archived : LayerPublishAction.Reused;
                published[buildName] = (new LayerPublication(buildName, layer.Layer.Kind, action, plan.ArchiveBuild, archivePath, metadataPath, metadataJson, statistics), metadata);
            }
            catch (ArchiveException e)
            {
                diagnostics.Add(e.ToDiagnostic());
                return new PublishResult([.. published.Values.Select(p => p.Publication)], diagnostics.ToImmutable()) { WrittenFiles = written.ToImmutable() };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.PublishOutputFailed, $"Layer {buildName}: cannot write its publish metadata in '{naming.OutputDirectory}': {e.Message}", SourceLocation.FileOnly(naming.MetadataDirectory));
                return new PublishResult([.. published.Values.Select(p => p.Publication)], diagnostics.ToImmutable()) { WrittenFiles = written.ToImmutable() };
            }
        }

        if (selection.IsFiltered)
        {
            await KeepUnselectedAsync(naming, selection, published, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        // Manifest order: stack order, whichever run published each layer.
        var ordered = selection.PlatformLayers.Where(l => published.ContainsKey(l.BuildName)).Select(l => published[l.BuildName]).ToList();
        var manifestJson = PythonJson.SerializeFile(PublishManifest.Create(ordered.Select(p => (p.Publication.Kind, p.Metadata))));
        try
        {
            await WriteAsync(naming.ManifestPath, manifestJson, written, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.PublishOutputFailed, $"Cannot write the publish manifest '{naming.ManifestPath}': {e.Message}", SourceLocation.FileOnly(naming.ManifestPath));
            return new PublishResult([.. ordered.Select(p => p.Publication)], diagnostics.ToImmutable()) { WrittenFiles = written.ToImmutable() };
        }

        var outputs = ordered
            .SelectMany(p => new[] { p.Publication.ArchivePath, p.Publication.MetadataPath })
            .Where(File.Exists)
            .Prepend(naming.ManifestPath);
        return new PublishResult([.. ordered.Select(p => p.Publication)], diagnostics.ToImmutable())
        {
            ManifestPath = naming.ManifestPath,
            ManifestJson = manifestJson,
            WrittenFiles = written.ToImmutable(),
            OutputFiles = [.. outputs],
        };
    }

    // A filtered publish keeps the existing manifest's entries of the platform's other layers, as long as their
    // archives are still there.
    private static async Task KeepUnselectedAsync(
        PublishNaming naming,
        LayerSelection selection,
        Dictionary<string, (LayerPublication Publication, JsonObject Metadata)> published,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var previous = PublishManifest.Entries(await PreviousMetadataFile.ReadAsync(naming.ManifestPath, diagnostics, cancellationToken).ConfigureAwait(false));
        foreach (var layer in selection.PlatformLayers.Where(l => !published.ContainsKey(l.BuildName)))
        {
            if (!previous.TryGetValue((layer.Kind, layer.BuildName), out var entry))
            {
                continue;
            }

            var archiveName = entry[PublishMetadataKeys.ArchiveName] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
            var archivePath = archiveName is not null && archiveName == Path.GetFileName(archiveName) ? naming.ArchivePath(archiveName) : null;
            if (archivePath is null || !File.Exists(archivePath))
            {
                diagnostics.Warning(
                    DiagnosticCodes.PublishPreviousEntryDropped,
                    $"Layer {layer.BuildName} was not selected and its previously published archive '{archiveName}' is not in '{naming.OutputDirectory}'; it is left out of the manifest",
                    SourceLocation.FileOnly(naming.ManifestPath));
                continue;
            }

            var archiveBuild = entry[PublishMetadataKeys.ArchiveBuild] is JsonValue b && b.TryGetValue<int>(out var number) ? number : 0;
            var publication = new LayerPublication(
                layer.BuildName,
                layer.Kind,
                LayerPublishAction.Kept,
                archiveBuild,
                archivePath,
                naming.LayerMetadataPath(layer.BuildName),
                PythonJson.SerializeFile(entry),
                null);
            published[layer.BuildName] = (publication, entry);
        }
    }

    private static async Task WriteAsync(string path, string text, ImmutableArray<string>.Builder written, CancellationToken cancellationToken)
    {
        if (await AtomicFile.WriteIfChangedAsync(path, text, cancellationToken).ConfigureAwait(false))
        {
            written.Add(path);
        }
    }
}
