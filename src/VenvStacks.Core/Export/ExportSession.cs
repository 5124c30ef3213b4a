using System.Diagnostics;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Deployment;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Export;

/// <summary>One run of <see cref="StackExporter.ExportAsync"/>: the per-layer decisions and steps it describes.</summary>
internal sealed class ExportSession
{
    private readonly ExportRequest _request;
    private readonly IProgress<ExportProgress>? _progress;
    private readonly string _output;
    private readonly string _build;
    private readonly ExportMetadataFolder _metadata;
    private readonly List<LayerExportOutcome> _outcomes = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private ExportState _state = ExportState.Empty();

    public ExportSession(ExportRequest request, IProgress<ExportProgress>? progress)
    {
        _request = request;
        _progress = progress;
        _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.OutputDirectory));
        _build = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.BuildDirectory));
        _metadata = new ExportMetadataFolder(_output);
    }

    public async Task<ExportResult> RunAsync(CancellationToken cancellationToken)
    {
        if (Overlaps(_output, _build))
        {
            return Fail(DiagnosticCodes.ExportFolderOverlapsBuild, $"The export folder '{_output}' and the build folder '{_build}' must not contain each other", _output);
        }

        var selected = Select();
        if (selected is null)
        {
            return Result();
        }

        try
        {
            Directory.CreateDirectory(_metadata.Directory);
            _state = ExportState.Read(_metadata.StatePath) ?? Warn(_metadata.StatePath);
            foreach (var layer in _request.Spec.Layers.Where(l => selected.Contains(l.BuildName)))
            {
                await ExportGuardedAsync(layer, cancellationToken).ConfigureAwait(false);
            }

            await RemoveDroppedLayersAsync(cancellationToken).ConfigureAwait(false);
            await _metadata.WriteManifestAsync(_request.Spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ExportWriteFailed, $"{_metadata.Directory}: {ex.Message}", SourceLocation.FileOnly(_metadata.Directory)));
        }

        return Result();
    }

    private ExportResult Result() => new([.. _outcomes], [.. _diagnostics]);

    private ExportResult Fail(DiagnosticDescriptor descriptor, string message, string path)
    {
        _diagnostics.Add(Diagnostic.Error(descriptor, message, SourceLocation.FileOnly(path)));
        return Result();
    }

    private ExportState Warn(string statePath)
    {
        _diagnostics.Add(Diagnostic.Warning(
            DiagnosticCodes.ExportStateUnreadable,
            $"{statePath} cannot be read; every layer is exported again",
            SourceLocation.FileOnly(statePath)));
        return ExportState.Empty();
    }

    // The selected layers and every layer below them, or null (with an error) when a name is unknown.
    private HashSet<string>? Select()
    {
        var layers = _request.Spec.Layers;
        if (_request.Layers.IsEmpty)
        {
            return layers.Select(l => l.BuildName).ToHashSet(StringComparer.Ordinal);
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _request.Layers)
        {
            var layer = layers.FirstOrDefault(l => l.Name == name || l.BuildName == name);
            if (layer is null)
            {
                _diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.ExportUnknownLayer,
                    $"No enabled layer is named '{name}' (layers: {string.Join(", ", layers.Select(l => l.BuildName))})",
                    SourceLocation.FileOnly(_request.Spec.SpecPath)));
                continue;
            }

            selected.UnionWith(layer.Dependencies.Append(layer).Select(l => l.BuildName));
        }

        return _diagnostics.Count == 0 ? selected : null;
    }

    private async Task ExportGuardedAsync(LayerSpec layer, CancellationToken cancellationToken)
    {
        var failedBelow = layer.Dependencies.FirstOrDefault(d => _failed.Contains(d.BuildName));
        LayerExportOutcome outcome;
        if (failedBelow is not null)
        {
            _diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ExportLowerLayerFailed,
                $"Layer {layer.BuildName} is not exported because {failedBelow.BuildName} below it was not",
                layer.Location));
            outcome = new LayerExportOutcome(layer.BuildName, null, LayerExportAction.Failed);
        }
        else
        {
            try
            {
                outcome = await ExportLayerAsync(layer, cancellationToken).ConfigureAwait(false);
            }
            catch (DeploymentException ex)
            {
                _diagnostics.Add(ex.Diagnostic);
                outcome = new LayerExportOutcome(layer.BuildName, null, LayerExportAction.Failed);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ExportWriteFailed, $"Layer {layer.BuildName}: {ex.Message}", SourceLocation.FileOnly(_output)));
                outcome = new LayerExportOutcome(layer.BuildName, null, LayerExportAction.Failed);
            }
        }

        if (outcome.Action == LayerExportAction.Failed)
        {
            _failed.Add(layer.BuildName);
        }

        _outcomes.Add(outcome);
    }

    private async Task<LayerExportOutcome> ExportLayerAsync(LayerSpec layer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lockState = _request.LockStates.GetValueOrDefault(layer.BuildName);
        if (lockState is not { HasValidLock: true, Recorded: { } lockMetadata })
        {
            var lockFile = lockState?.Files.PyLockPath ?? _request.Spec.SpecPath;
            throw new DeploymentException(
                DiagnosticCodes.ExportLockNotValid,
                $"Layer {layer.BuildName} has no valid lock, so its deployed name is unknown; lock and build it first",
                lockFile);
        }

        var installTarget = InstallTargetOf(layer);
        var source = Path.Combine(_build, layer.BuildName);
        var record = Directory.Exists(source) ? LayerBuildRecord.TryRead(source) : null;
        if (record is null)
        {
            if (_request.Host is { } host && !layer.Platforms.Any(p => p.Name == host.Name))
            {
                return new LayerExportOutcome(layer.BuildName, installTarget, LayerExportAction.NotBuilt);
            }

            throw new DeploymentException(
                DiagnosticCodes.ExportLayerNotBuilt,
                $"Layer {layer.BuildName} is not built ({source} or its .last-build.json is missing); build it before exporting",
                source);
        }

        record.CheckBuiltFrom(
            installTarget,
            lockMetadata,
            InstallTargetOf(layer.Runtime),
            layer.Kind == LayerKind.Runtime ? null : layer.Frameworks.Select(InstallTargetOf).ToList());
        var metadataText = ExportMetadataFolder.LayerText(record.LayerDetails);
        var target = Path.Combine(_output, installTarget);
        var (python, skipped) = PostInstallPython(layer, record.Platform);
        var previous = _state.Get(layer.BuildName);
        if (previous is { Complete: true }
            && previous.InstallTarget == installTarget
            && previous.LastBuild == record.Sha256
            && previous.PostInstallScript == PostInstallScript.Sha256
            && _metadata.ReadLayerText(layer.BuildName) == metadataText
            && LooksExported(target))
        {
            if (python is null || previous.PostInstalledAt == target)
            {
                return new LayerExportOutcome(layer.BuildName, installTarget, LayerExportAction.UpToDate) { Elapsed = clock.Elapsed };
            }

            var again = await PostInstallAsync(python, target, record.Platform, cancellationToken).ConfigureAwait(false);
            await SaveAsync(layer, previous with { PostInstalledAt = target }, cancellationToken).ConfigureAwait(false);
            return new LayerExportOutcome(layer.BuildName, installTarget, LayerExportAction.PostInstalledAgain)
            {
                PostInstall = again,
                Elapsed = clock.Elapsed,
            };
        }

        // A previous folder under another deployed name would be orphaned by the new record: it goes first.
        if (previous is not null && previous.InstallTarget != installTarget)
        {
            DeleteExportedFolder(previous.InstallTarget);
        }

        var (copy, run) = await ExportAfreshAsync(layer, record, source, target, python, cancellationToken).ConfigureAwait(false);
        await _metadata.WriteLayerAsync(layer.BuildName, metadataText, cancellationToken).ConfigureAwait(false);
        await SaveAsync(layer, new ExportStateEntry(installTarget, true, record.Sha256, PostInstallScript.Sha256, run is null ? null : target), cancellationToken)
            .ConfigureAwait(false);
        _progress?.Report(new ExportProgress(layer.BuildName, copy.Files + copy.SymbolicLinks, copy.Bytes, clock.Elapsed));
        return new LayerExportOutcome(layer.BuildName, installTarget, LayerExportAction.Exported)
        {
            Copy = copy,
            PostInstall = run,
            PostInstallSkipped = skipped,
            Elapsed = clock.Elapsed,
        };
    }

    // Copies, links, injects and swaps the layer into place, then post-installs it. Until the caller writes the
    // metadata, the layer is recorded as incomplete, so an interrupted or failed export is redone next time.
    private async Task<(LayerCopyStatistics Copy, PostInstallRun? Run)> ExportAfreshAsync(
        LayerSpec layer,
        LayerBuildRecord record,
        string source,
        string target,
        string? python,
        CancellationToken cancellationToken)
    {
        var incomplete = new ExportStateEntry(Path.GetFileName(target), false, record.Sha256, PostInstallScript.Sha256, null);
        await SaveAsync(layer, incomplete, cancellationToken).ConfigureAwait(false);
        _metadata.DeleteLayer(layer.BuildName);
        var copy = await CopyIntoPlaceAsync(layer, record.Platform, source, target, cancellationToken).ConfigureAwait(false);
        var run = python is null ? null : await PostInstallAsync(python, target, record.Platform, cancellationToken).ConfigureAwait(false);
        return (copy, run);
    }

    private string InstallTargetOf(LayerSpec layer) => layer.InstallTarget(_request.LockStates.GetValueOrDefault(layer.BuildName)?.LockVersion);

    // The Python to run post-install with, or why it does not run.
    private (string? Python, string? Skipped) PostInstallPython(LayerSpec layer, TargetPlatform platform)
    {
        if (!_request.PostInstall.Run)
        {
            return (null, "post-install was not requested");
        }

        if (_request.Host is not { } host || host.Name != platform.Name)
        {
            return (null, $"the layer is built for {platform.Name} and this machine is {_request.Host?.Name ?? "another platform"}; "
                + $"run {PostInstallScript.FileName} in each layer on such a machine");
        }

        if (_request.PostInstall.Interpreter is { } interpreter)
        {
            return (interpreter, null);
        }

        var runtime = Path.Combine(_output, InstallTargetOf(layer.Runtime));
        return (EnvironmentLayout.ForRuntime(platform.OperatingSystem, layer.Runtime.PythonImplementation).Python.Under(runtime), null);
    }

    private async Task<LayerCopyStatistics> CopyIntoPlaceAsync(
        LayerSpec layer,
        TargetPlatform platform,
        string source,
        string target,
        CancellationToken cancellationToken)
    {
        var staging = TemporarySibling.PathFor(target);
        try
        {
            var copier = new LayerTreeCopier(layer.BuildName, _progress);
            await copier.CopyAsync(source, staging, cancellationToken).ConfigureAwait(false);
            if (platform.OperatingSystem != TargetOperatingSystem.Windows && layer.Kind != LayerKind.Runtime)
            {
                var plan = LayerEnvironmentPlan.FromSpec(layer, platform, _build, InstallTargetOf, PycacheSourceTreeFilter.Instance);
                await PosixPythonLinks.WriteForDeploymentAsync(plan, staging, cancellationToken).ConfigureAwait(false);
            }

            await PostInstallScript.WriteToAsync(Path.Combine(staging, PostInstallScript.FileName), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            // The old folder is moved aside first, so the target is never a mixture of both.
            if (Directory.Exists(target) && !FileSystemEntries.IsLink(target))
            {
                var old = TemporarySibling.PathFor(target);
                Directory.Move(target, old);
                Directory.Move(staging, target);
                FileSystemEntries.Delete(old);
            }
            else
            {
                FileSystemEntries.Delete(target);
                Directory.Move(staging, target);
            }

            return copier.Statistics;
        }
        finally
        {
            TemporarySibling.Delete(staging);
        }
    }

    private async Task<PostInstallRun> PostInstallAsync(string python, string layerPath, TargetPlatform platform, CancellationToken cancellationToken)
    {
        // The same containment check the script makes, as a coded error instead of a traceback.
        var deployed = await DeployedLayer.ReadAsync(layerPath, cancellationToken).ConfigureAwait(false);
        var run = await PostInstallRunner.RunAsync(python, layerPath, _request.PostInstallEnvironment, cancellationToken).ConfigureAwait(false);
        if (!run.Succeeded)
        {
            throw new DeploymentException(
                DiagnosticCodes.PostInstallFailed,
                $"{run.Script} failed with exit code {run.ExitCode} (run by {python}):\n{run.ErrorSummary}",
                run.Script);
        }

        var checks = new[]
        {
            (Path.Combine(layerPath, "pyvenv.cfg"), deployed.ExpectedPyvenvConfig(platform.OperatingSystem)),
            (Path.Combine(deployed.SiteDir, "sitecustomize.py"), deployed.ExpectedSiteCustomize(platform.OperatingSystem)),
        };
        foreach (var (file, expected) in checks)
        {
            if (expected is not null && (!File.Exists(file) || await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) != expected))
            {
                throw new DeploymentException(
                    DiagnosticCodes.PostInstallUnexpectedResult,
                    $"{file} is not what post-install must write for this layer (run by {python})",
                    file);
            }
        }

        return run;
    }

    private Task SaveAsync(LayerSpec layer, ExportStateEntry entry, CancellationToken cancellationToken)
    {
        _state.Set(layer.BuildName, entry);
        return _state.SaveAsync(_metadata.StatePath, cancellationToken);
    }

    private static bool LooksExported(string target) =>
        File.Exists(Path.Combine(target, PostInstallScript.FileName)) && File.Exists(DeployedLayer.ConfigPath(target));

    // Layers the export metadata names that the stack no longer has (enabled).
    private async Task RemoveDroppedLayersAsync(CancellationToken cancellationToken)
    {
        var current = _request.Spec.Layers.Select(l => l.BuildName).ToHashSet(StringComparer.Ordinal);
        var dropped = _state.Layers.Select(l => (LayerName: l.Key, (string?)l.Value.InstallTarget))
            .Concat(_metadata.ListLayers())
            .Where(l => !current.Contains(l.LayerName))
            .Distinct()
            .ToList();
        foreach (var (layerName, installTarget) in dropped)
        {
            if (installTarget is not null)
            {
                DeleteExportedFolder(installTarget);
            }

            _metadata.DeleteLayer(layerName);
            _state.Remove(layerName);
            _outcomes.Add(new LayerExportOutcome(layerName, installTarget, LayerExportAction.Removed));
        }

        await _state.SaveAsync(_metadata.StatePath, cancellationToken).ConfigureAwait(false);
    }

    // Only a plain folder name directly in the output folder; a damaged record never reaches anything else.
    private void DeleteExportedFolder(string installTarget)
    {
        if (installTarget.Length > 0
            && installTarget == Path.GetFileName(installTarget)
            && installTarget is not ("." or ".." or "__venvstacks__")
            && installTarget.IndexOfAny(['/', '\\']) < 0)
        {
            FileSystemEntries.Delete(Path.Combine(_output, installTarget));
        }
    }

    private static bool Overlaps(string a, string b)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        bool Within(string inner, string outer) =>
            string.Equals(inner, outer, comparison) || inner.StartsWith(outer + Path.DirectorySeparatorChar, comparison);
        return Within(a, b) || Within(b, a);
    }
}
