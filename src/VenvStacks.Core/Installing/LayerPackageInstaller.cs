using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Core.Installing;

/// <summary>
/// Brings a layer environment in line with its lock (docs/venvstacks-reference.md §3.3), as a sync rather than
/// venvstacks' plain install: distributions the lock does not select for the target platform are uninstalled (from
/// their RECORD), ones already installed intact at the locked version are kept, and the rest are downloaded through
/// the index client's verified cache and installed in parallel. Nothing runs Python.
/// </summary>
public sealed class LayerPackageInstaller(IndexClient client)
{
    private readonly IndexClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Installs the locked packages of one layer.</summary>
    /// <param name="request">The lock, target platform and environment.</param>
    /// <param name="cancellationToken">Stops downloads and installations; a wheel being installed is removed again.</param>
    /// <returns>What was installed, kept and removed, and any diagnostics. When the lock cannot be satisfied for the
    /// target platform, nothing in the environment is changed.</returns>
    public async Task<LayerInstallResult> InstallAsync(LayerInstallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var location = SourceLocation.FileOnly(request.LockFilePath);
        var wanted = LockedWheelSelector.Select(request, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Result([], [], [], diagnostics, 0, clock);
        }

        var byName = wanted.ToDictionary(w => w.NormalizedName);
        var kept = new List<InstalledDistribution>();
        var obsolete = new List<InstalledDistribution>();
        // A project with several .dist-info folders is broken: none of them is trusted, all are removed first.
        foreach (var releases in request.Scheme.SiteDirectories.SelectMany(InstalledDistribution.Enumerate).GroupBy(d => d.NormalizedName))
        {
            var installed = releases.First();
            var current = releases.Count() == 1
                && byName.TryGetValue(installed.NormalizedName, out var wheel)
                && installed.ParseVersion() is { } version && version.Equals(wheel.Version)
                && await installed.IsIntactAsync(cancellationToken).ConfigureAwait(false);
            if (current)
            {
                kept.Add(installed);
            }
            else
            {
                obsolete.AddRange(releases);
            }
        }

        var removed = await RemoveAsync(request, obsolete, byName, diagnostics, location, cancellationToken).ConfigureAwait(false);
        if (diagnostics.HasErrors)
        {
            return Result([], [.. kept], removed, diagnostics, 0, clock);
        }

        // A removed distribution may have shared a file with a kept one (a namespace package's __init__.py): those
        // that lost a file are installed again.
        if (!removed.IsEmpty)
        {
            kept = await WhereIntactAsync(kept, cancellationToken).ConfigureAwait(false);
        }

        var keptNames = kept.Select(k => k.NormalizedName).ToHashSet();
        var toInstall = wanted.Where(w => !keptNames.Contains(w.NormalizedName)).ToList();
        var (installedNow, bytes) = await InstallAllAsync(request, toInstall, diagnostics, location, clock, cancellationToken).ConfigureAwait(false);
        return Result(installedNow, [.. kept], removed, diagnostics, bytes, clock);
    }

    private static async Task<ImmutableArray<InstalledDistribution>> RemoveAsync(
        LayerInstallRequest request,
        List<InstalledDistribution> obsolete,
        Dictionary<NormalizedName, SelectedWheel> wanted,
        DiagnosticBag diagnostics,
        SourceLocation location,
        CancellationToken cancellationToken)
    {
        var removed = ImmutableArray.CreateBuilder<InstalledDistribution>();
        foreach (var distribution in obsolete)
        {
            try
            {
                await DistributionUninstaller.UninstallAsync(distribution, request.Scheme, request.EnvironmentRoot, cancellationToken).ConfigureAwait(false);
                removed.Add(distribution);
            }
            catch (InstallationException e) when (e.Kind == InstallationErrorKind.InstalledRecordInvalid && IsSameRelease(distribution, wanted))
            {
                // An interrupted installation of the wanted release: installing it again overwrites its files.
            }
            catch (InstallationException e)
            {
                diagnostics.Add(InstallationDiagnostics.ErrorFor(request.LayerName, e, location));
            }
        }

        return removed.ToImmutable();
    }

    private static async Task<List<InstalledDistribution>> WhereIntactAsync(List<InstalledDistribution> distributions, CancellationToken cancellationToken)
    {
        var intact = new List<InstalledDistribution>(distributions.Count);
        foreach (var distribution in distributions)
        {
            if (await distribution.IsIntactAsync(cancellationToken).ConfigureAwait(false))
            {
                intact.Add(distribution);
            }
        }

        return intact;
    }

    private static bool IsSameRelease(InstalledDistribution distribution, Dictionary<NormalizedName, SelectedWheel> wanted) =>
        wanted.TryGetValue(distribution.NormalizedName, out var wheel) && distribution.ParseVersion() is { } version && version.Equals(wheel.Version);

    private async Task<(ImmutableArray<InstalledDistribution> Installed, long Bytes)> InstallAllAsync(
        LayerInstallRequest request,
        List<SelectedWheel> wheels,
        DiagnosticBag diagnostics,
        SourceLocation location,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var installed = new ConcurrentBag<InstalledDistribution>();
        var problems = new ConcurrentQueue<Diagnostic>();
        var progress = new ProgressCounter(request, wheels.Count, wheels.Sum(w => w.Wheel.Size ?? 0), clock);
        progress.Report(null, 0);
        // Downloads are bounded by the client's request limit, installations (CPU and disk) by MaxParallelism; the
        // largest wheels start first so that one big wheel does not finish alone at the end.
        using var installSlots = new SemaphoreSlim(Math.Max(1, request.MaxParallelism));
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(request.MaxParallelism, _client.Options.MaxConcurrentRequests),
            CancellationToken = cancellationToken,
        };
        var largestFirst = wheels.OrderByDescending(w => w.Wheel.Size ?? 0).ToList();
        await Parallel.ForEachAsync(largestFirst, parallel, async (wheel, token) =>
        {
            try
            {
                var file = await _client.DownloadAsync(wheel.File, token).ConfigureAwait(false);
                var options = new WheelInstallOptions
                {
                    InstallerName = request.InstallerName,
                    Requested = request.Requested.Contains(wheel.NormalizedName),
                    ExpectedSha256 = wheel.Sha256,
                    FileName = wheel.FileName,
                    ScriptShebang = request.ScriptShebang,
                };
                WheelInstallResult result;
                await installSlots.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    result = await WheelInstaller.InstallAsync(file.Path, request.Scheme, options, token).ConfigureAwait(false);
                }
                finally
                {
                    installSlots.Release();
                }

                installed.Add(result.Distribution);
                foreach (var warning in result.Warnings)
                {
                    problems.Enqueue(Diagnostic.Warning(DiagnosticCodes.WheelVersionNewer, $"Layer {request.LayerName}: {warning}", location));
                }

                progress.Report(wheel.ToString(), file.Size);
            }
            catch (PackageIndexException e)
            {
                problems.Enqueue(Diagnostic.Error(IndexDiagnostics.For(e.Code), $"Layer {request.LayerName}: {wheel}: {e.Message}", location));
            }
            catch (InstallationException e)
            {
                problems.Enqueue(InstallationDiagnostics.ErrorFor(request.LayerName, e, location));
            }
        }).ConfigureAwait(false);

        diagnostics.AddRange(problems.OrderBy(d => d.Message, StringComparer.Ordinal));
        return ([.. installed.OrderBy(d => d.NormalizedName.Value, StringComparer.Ordinal)], progress.BytesDone);
    }

    private static LayerInstallResult Result(
        ImmutableArray<InstalledDistribution> installed,
        ImmutableArray<InstalledDistribution> kept,
        ImmutableArray<InstalledDistribution> removed,
        DiagnosticBag diagnostics,
        long bytes,
        Stopwatch clock) =>
        new(installed, kept, removed, diagnostics.ToImmutable(), bytes, clock.Elapsed);

    /// <summary>Counts finished packages and bytes and reports them one call at a time.</summary>
    private sealed class ProgressCounter(LayerInstallRequest request, int total, long bytesTotal, Stopwatch clock)
    {
        private readonly object _gate = new();
        private int _done;

        public long BytesDone { get; private set; }

        public void Report(string? package, long bytes)
        {
            lock (_gate)
            {
                if (package is not null)
                {
                    _done++;
                    BytesDone += bytes;
                }

                request.Progress?.Invoke(new LayerInstallProgress(request.LayerName, _done, total, BytesDone, bytesTotal, clock.Elapsed, package));
            }
        }
    }
}
