using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Installing;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Runtimes;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Core.Building;

/// <summary>
/// Builds the layers of a locked stack without running Python to produce anything (docs/architecture.md, "Building
/// without running Python"): the runtime layer from a python-build-standalone archive, frameworks and applications as
/// layered environments on top, every wheel installed from the lock by our own installer, lower layers first. Each
/// layer is built only when its last build record differs from what the spec, lock and modules say now
/// (docs/venvstacks-reference.md §3.10), into a staging folder that replaces the old layer only once complete.
/// </summary>
/// <param name="client">Downloads wheels and runtime archives through the verified, content-addressed cache.</param>
public sealed class StackBuilder(IndexClient client)
{
    /// <summary>Builds the enabled layers of <paramref name="spec"/> that <paramref name="options"/> select.</summary>
    public async Task<StackBuildResult> BuildAsync(StackSpec spec, StackBuildOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        var selection = LayerSelection.Of(spec, options.Include);
        foreach (var pattern in selection.Unmatched)
        {
            diagnostics.Error(DiagnosticCodes.NoMatchingLayers, $"No layer of the stack matches '{pattern}'", SourceLocation.FileOnly(spec.SpecPath));
        }

        var run = new Run(spec, options, client, diagnostics);
        var reports = ImmutableArray.CreateBuilder<LayerBuildReport>();
        foreach (var layer in selection.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add(await run.BuildLayerAsync(layer, force: options.Force && selection.IsSelected(layer), cancellationToken).ConfigureAwait(false));
        }

        return new StackBuildResult(reports.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>The state one build run shares between its layers.</summary>
    private sealed class Run
    {
        private readonly StackBuildOptions _options;
        private readonly IndexClient _client;
        private readonly DiagnosticBag _diagnostics;
        private readonly IReadOnlyDictionary<string, LayerLockState> _locks;
        private readonly SourceTreeFilter _moduleFilter;
        private readonly string _buildDirectory;
        private readonly RuntimeProvider _runtimes;
        private readonly bool _canRun;
        private readonly HashSet<string> _unusable = new(StringComparer.Ordinal);

        public Run(StackSpec spec, StackBuildOptions options, IndexClient client, DiagnosticBag diagnostics)
        {
            _options = options;
            _client = client;
            _diagnostics = diagnostics;
            _locks = LockStateReader.Read(spec);
            _moduleFilter = SourceTreeFilter.For(spec.SpecDirectory);
            _buildDirectory = Path.GetFullPath(options.BuildDirectory);
            _runtimes = new RuntimeProvider(options.Runtimes, client);
            _canRun = options.Verify && options.Platform == HostPlatform.Current();

            // Locked URLs carry no credentials: the indexes they came from lend theirs (docs/architecture.md,
            // "Locking without uv"), so every index a layer may use is made known to the client up front.
            var indexes = spec.Layers
                .Select(layer => LayerIndexConfiguration.For(spec, layer, LockEnvironment.Default))
                .SelectMany(configuration => configuration.SearchOrder.Concat(configuration.Sources.Values));
            foreach (var index in indexes.Distinct())
            {
                client.RegisterIndex(index);
            }
        }

        public async Task<LayerBuildReport> BuildLayerAsync(LayerSpec layer, bool force, CancellationToken cancellationToken)
        {
            var path = Path.Combine(_buildDirectory, layer.BuildName);
            if (!layer.Platforms.Contains(_options.Platform))
            {
                Report(layer, $"Skipping {layer.BuildName}: it does not target {_options.Platform.Name}, the platform being built");
                return new LayerBuildReport(layer.BuildName, LayerBuildStatus.NotForThisPlatform, path);
            }

            if (layer.Dependencies.FirstOrDefault(d => _unusable.Contains(d.BuildName)) is { } failedBelow)
            {
                _unusable.Add(layer.BuildName);
                Report(layer, $"Skipping {layer.BuildName}: its lower layer {failedBelow.BuildName} is not built");
                return new LayerBuildReport(layer.BuildName, LayerBuildStatus.Blocked, path);
            }

            var state = _locks[layer.BuildName];
            if (!state.HasValidLock || state.Recorded is null)
            {
                _unusable.Add(layer.BuildName);
                _diagnostics.Error(
                    DiagnosticCodes.LayerNotLocked,
                    $"Layer {layer.BuildName}: Environment must be locked before installing dependencies (changed: {string.Join(", ", state.ChangedFields)}); build with LockLayers first",
                    layer.Location);
                return new LayerBuildReport(layer.BuildName, LayerBuildStatus.Failed, path);
            }

            var plan = LayerEnvironmentPlan.FromSpec(layer, _options.Platform, _buildDirectory, InstallTarget, _moduleFilter);
            var record = LastBuildRecord.Create(layer, plan, state.Recorded, state.Files.PyLockPath);
            if (!force && !record.NeedsBuild(plan))
            {
                Report(layer, $"{layer.BuildName} is up to date", detail: true);
                return new LayerBuildReport(layer.BuildName, LayerBuildStatus.UpToDate, path);
            }

            var report = await BuildAsync(layer, plan, record, state, cancellationToken).ConfigureAwait(false);
            if (report.Status != LayerBuildStatus.Built)
            {
                _unusable.Add(layer.BuildName);
            }

            return report;
        }

        private string InstallTarget(LayerSpec layer) => layer.InstallTarget(_locks[layer.BuildName].LockVersion);

        private async Task<LayerBuildReport> BuildAsync(
            LayerSpec layer, LayerEnvironmentPlan plan, LastBuildRecord record, LayerLockState state, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var staging = new LayerStaging(plan.Layer.EnvironmentPath);
            var stagedLayer = plan.Layer with { EnvironmentPath = staging.StagingPath };
            var staged = plan with { Layer = stagedLayer, Runtime = layer.Kind == LayerKind.Runtime ? stagedLayer : plan.Runtime };
            Report(layer, $"Building {layer.BuildName} ({layer.Kind.ToString().ToLowerInvariant()} layer)");
            try
            {
                // A runtime starts from the cached, extracted archive; a layered environment from its current build, so
                // that unchanged packages are kept and only the difference to the lock is installed or removed.
                var source = layer.Kind == LayerKind.Runtime
                    ? (await _runtimes.ProvideAsync(layer.Runtime.PythonImplementation, _options.Platform, new Progress(this, layer), cancellationToken)
                        .ConfigureAwait(false)).Directory
                    : plan.Layer.EnvironmentPath;
                await staging.BeginAsync(source, cancellationToken).ConfigureAwait(false);

                var scheme = await LayerEnvironmentWriter.PrepareAsync(staged, cancellationToken).ConfigureAwait(false);
                var pylock = PyLock.Parse(await File.ReadAllTextAsync(state.Files.PyLockPath, cancellationToken).ConfigureAwait(false));
                var request = LayerInstallRequest.ForLayer(layer, _options.Platform, pylock, state.Files.PyLockPath, scheme, staging.StagingPath) with
                {
                    MaxParallelism = _options.MaxParallelInstalls,
                    Progress = progress => Report(layer, Describe(progress), detail: true),
                };
                var installed = await new LayerPackageInstaller(_client).InstallAsync(request, cancellationToken).ConfigureAwait(false);
                _diagnostics.AddRange(installed.Diagnostics);
                if (!installed.Succeeded)
                {
                    staging.Abandon();
                    return Failed();
                }

                await LayerEnvironmentWriter.FinishAsync(staged, record, cancellationToken).ConfigureAwait(false);
                if (_canRun && await VerifyAsync(layer, staged, cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    _diagnostics.Error(DiagnosticCodes.LayerVerificationFailed, $"Layer {layer.BuildName}: {problem}", layer.Location);
                    staging.Abandon();
                    return Failed();
                }

                staging.Commit();
                var packages = installed.Installed.Length + installed.Kept.Length;
                Report(layer, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Built {layer.BuildName}: {packages} packages ({installed.Installed.Length} installed, {installed.Removed.Length} removed, {installed.WheelBytes / 1_000_000.0:0.0} MB of wheels) in {clock.Elapsed.TotalSeconds:0.0} s"));
                return new LayerBuildReport(
                    layer.BuildName, LayerBuildStatus.Built, plan.Layer.EnvironmentPath, installed.Installed.Length, installed.Removed.Length, installed.WheelBytes, clock.Elapsed);
            }
            catch (OperationCanceledException)
            {
                staging.Abandon();
                throw;
            }
            catch (Exception e) when (ToDiagnostic(e, layer) is { } diagnostic)
            {
                staging.Abandon();
                _diagnostics.Add(diagnostic);
                return Failed();
            }

            LayerBuildReport Failed() => new(layer.BuildName, LayerBuildStatus.Failed, plan.Layer.EnvironmentPath, Elapsed: clock.Elapsed);
        }

        // The layer runs as a user would start it, and sys.path ends with its own, its frameworks' and its runtime's
        // site-packages (the staged layer for itself; lower layers are already in place).
        private async Task<string?> VerifyAsync(LayerSpec layer, LayerEnvironmentPlan staged, CancellationToken cancellationToken)
        {
            var sites = staged.Dependencies.Prepend(staged.Layer)
                .Select(location => EnvironmentLayout.For(location == staged.Layer ? staged.Kind : location == staged.Runtime ? LayerKind.Runtime : LayerKind.Framework, staged.OperatingSystem, staged.Python)
                    .SitePackages.Under(location.EnvironmentPath))
                .ToList();
            var python = staged.Layout.Python.Under(staged.Layer.EnvironmentPath);
            var problem = await LayerVerifier.CheckAsync(python, sites, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                Report(layer, $"Checked {layer.BuildName}: its Python runs and sys.path ends with {sites.Count} site-packages folder(s) in layer order", detail: true);
            }

            return problem;
        }

        private Diagnostic? ToDiagnostic(Exception exception, LayerSpec layer) => exception switch
        {
            LayerEnvironmentException e => e.Diagnostic,
            RuntimeException e => e.ToDiagnostic() with { Message = $"Layer {layer.BuildName}: {e.Message}" },
            ArchiveException e => e.ToDiagnostic() with { Message = $"Layer {layer.BuildName}: {e.Message}" },
            PackageIndexException e => Diagnostic.Error(IndexDiagnostics.For(e.Code), $"Layer {layer.BuildName}: {e.Message}", layer.Location),
            PackagingFormatException e => Diagnostic.Error(DiagnosticCodes.UnreadableLock, $"Layer {layer.BuildName}: the lock file cannot be read: {e.Message}", layer.Location),
            IOException or UnauthorizedAccessException => Diagnostic.Error(
                DiagnosticCodes.BuildFolderFailure, $"Layer {layer.BuildName}: the build folder {_buildDirectory} cannot be written: {exception.Message}", layer.Location),
            _ => null,
        };

        private void Report(LayerSpec layer, string message, bool detail = false) =>
            _options.Progress?.Invoke(new BuildProgress(layer.BuildName, message, detail));

        private static string Describe(LayerInstallProgress progress) => string.Create(
            CultureInfo.InvariantCulture,
            $"{progress.LayerName}: {progress.PackagesDone}/{progress.PackagesTotal} packages, {progress.BytesDone / 1_000_000.0:0.0}/{progress.BytesTotal / 1_000_000.0:0.0} MB{(progress.Package is { } package ? ", " + package : string.Empty)}");

        // Runtime downloads and extraction are long steps a person wants to see, with their sizes.
        private sealed class Progress(Run run, LayerSpec layer) : IProgress<RuntimeProgress>
        {
            public void Report(RuntimeProgress value) => run.Report(layer, value.Message);
        }
    }
}
