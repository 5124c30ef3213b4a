using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IO;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.VenvstacksTargets;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Locking;

/// <summary>
/// Locks the layers of a stack, lower layers first (docs/venvstacks-reference.md §2): decides per layer from the lock hashes
/// whether anything must happen, resolves each target platform with the lower layers' pins as constraints and the
/// previous lock as preferences, merges the platforms into one universal pylock, and writes the lock files and their
/// metadata. A layer's files are only written once its whole lock is known, so a failure never leaves a half lock.
/// </summary>
public sealed class LockEngine(IPlatformResolver resolver)
{
    /// <summary>Locks <paramref name="spec"/> as <paramref name="options"/> say.</summary>
    /// <param name="spec">The stack.</param>
    /// <param name="options">Mode, resets and upgrades.</param>
    /// <param name="report">Receives one line per step worth telling the user about, or null.</param>
    /// <param name="cancellationToken">Stops the run between and inside resolutions; nothing half-written is left.</param>
    public async Task<LockRunResult> LockAsync(StackSpec spec, LockOptions options, Action<string>? report, CancellationToken cancellationToken)
    {
        var initial = LockStateReader.Read(spec, cancellationToken);
        var diagnostics = new DiagnosticBag();
        var outcomes = ImmutableArray.CreateBuilder<LayerLockOutcome>();
        var written = ImmutableArray.CreateBuilder<string>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var layer in spec.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = initial[layer.BuildName];
            var failedBelow = layer.Dependencies.Where(d => failed.Contains(d.BuildName)).Select(d => d.BuildName).ToList();
            if (failedBelow.Count > 0)
            {
                // VSTK2004 in every mode: the lower layer's own error (VSTK2001 in Locked mode) says what is stale.
                diagnostics.Error(DiagnosticCodes.UnlockedDependency, $"Layer {layer.BuildName}: Cannot lock with unlocked dependencies: [{string.Join(", ", failedBelow.Select(n => $"'{n}'"))}]", layer.Location);
                Fail(layer);
                continue;
            }

            if (options.Mode == LockMode.Locked)
            {
                if (!state.HasValidLock && state.UnreadableLockFile is { } unreadable)
                {
                    diagnostics.Error(
                        DiagnosticCodes.UnreadableLock,
                        $"Layer {layer.BuildName}: the lock file cannot be read ({unreadable.Message}) and VenvStacksLockMode is Locked; relock with 'dotnet build -t:LockLayers' and commit the lock files",
                        unreadable.Location);
                    Fail(layer);
                    continue;
                }

                if (!state.HasValidLock)
                {
                    var why = state.InvalidatedByDependency ? "a lower layer's lock changed"
                        : !state.LowerLayerMismatches.IsEmpty ? "it was resolved against other lower-layer pins: " + string.Join("; ", state.LowerLayerMismatches.Select(m => m.Describe(layer.Platforms.Length)))
                        : "changed: " + string.Join(", ", state.ChangedFields);
                    diagnostics.Error(
                        DiagnosticCodes.LockOutOfDate,
                        $"Layer {layer.BuildName}: the lock is missing or out of date ({why}) and VenvStacksLockMode is Locked; relock with 'dotnet build -t:LockLayers' and commit the lock files",
                        layer.Location);
                    Fail(layer);
                    continue;
                }

                outcomes.Add(new LayerLockOutcome(layer.BuildName, LayerLockAction.UpToDate, false, state.Recorded));
                continue;
            }

            var reset = options.ResetPatterns.Any(p => LayerPattern.Parse(p).Matches(layer.BuildName));
            var dependencyChanged = layer.Dependencies.Any(d => changed.Contains(d.BuildName));
            var needsResolution = options.Mode == LockMode.Update || reset || dependencyChanged || state.NeedsFullLock;
            try
            {
                if (needsResolution)
                {
                    report?.Invoke($"Locking {layer.BuildName} for {string.Join(", ", layer.Platforms)}");
                    var outcome = await LockLayerAsync(spec, layer, state, reset, options, diagnostics, written, cancellationToken).ConfigureAwait(false);
                    if (outcome is null)
                    {
                        Fail(layer);
                        continue;
                    }

                    if (outcome.RequirementsChanged)
                    {
                        changed.Add(layer.BuildName);
                    }

                    outcomes.Add(outcome);
                }
                else
                {
                    await WriteSideFilesAsync(layer, state.Files, PyLock.Parse(await File.ReadAllTextAsync(state.Files.PyLockPath, cancellationToken).ConfigureAwait(false)), written, cancellationToken).ConfigureAwait(false);
                    var metadata = await UpdateMetadataAsync(spec, layer, state, options, written, cancellationToken).ConfigureAwait(false);
                    var action = state.NeedsVersionUpdate ? LayerLockAction.VersionUpdated : LayerLockAction.UpToDate;
                    if (action == LayerLockAction.VersionUpdated)
                    {
                        report?.Invoke($"Updated the lock version of {layer.BuildName} to {metadata.LockVersion}");
                    }

                    outcomes.Add(new LayerLockOutcome(layer.BuildName, action, false, metadata));
                }
            }
            catch (FormatException ex)
            {
                diagnostics.Error(DiagnosticCodes.UnreadableLock, $"Layer {layer.BuildName}: a lock file cannot be read: {ex.Message}", layer.Location);
                Fail(layer);
            }
            catch (LockPathException ex)
            {
                diagnostics.Error(DiagnosticCodes.LocalWheelPath, ex.Message, layer.Location);
                Fail(layer);
            }
            catch (IndexLocationException ex)
            {
                diagnostics.Error(DiagnosticCodes.IndexFindLinksUnavailable, $"Layer {layer.BuildName}: {ex.Message}", ex.Location ?? layer.Location);
                Fail(layer);
            }
            catch (PackageIndexException ex)
            {
                // The index client's message already names the (credential-free) URL and status.
                diagnostics.Error(IndexDiagnostics.For(ex.Code), $"Layer {layer.BuildName}: {ex.Message}", layer.Location);
                Fail(layer);
            }
        }

        return new LockRunResult(outcomes.ToImmutable(), diagnostics.ToImmutable()) { WrittenFiles = written.ToImmutable() };

        void Fail(LayerSpec layer)
        {
            failed.Add(layer.BuildName);
            outcomes.Add(new LayerLockOutcome(layer.BuildName, LayerLockAction.Failed, false, null));
        }
    }

    private async Task<LayerLockOutcome?> LockLayerAsync(
        StackSpec spec,
        LayerSpec layer,
        LayerLockState state,
        bool reset,
        LockOptions options,
        DiagnosticBag diagnostics,
        ImmutableArray<string>.Builder written,
        CancellationToken cancellationToken)
    {
        var lowerPackages = LowerLayerConstraints.For(spec, layer);
        var previous = reset ? null : TryReadPrevious(state.Files.PyLockPath);
        var implementation = layer.Runtime.PythonImplementation;
        var upgrade = options.UpgradePackages.ToHashSet(StringComparer.Ordinal);
        var resolutions = new Dictionary<TargetPlatform, IReadOnlyList<ResolvedDistribution>>();
        var earlierPicks = new Dictionary<string, Version>(StringComparer.Ordinal);
        var unsatisfiable = new List<(TargetPlatform Platform, PlatformUnsatisfiable Outcome)>();

        foreach (var platform in layer.Platforms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var environment = platform.GetMarkerEnvironment(implementation);
            var applicable = lowerPackages
                .Where(p => p.Package.AppliesTo(environment))
                .ToArray();
            var constraints = applicable.Select(p => Requirement.Parse($"{p.Package.Name}=={p.Package.Version}")).ToArray();
            var origins = applicable
                .GroupBy(p => p.Package.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Layer, StringComparer.Ordinal);
            var preferences = new Dictionary<string, Version>(earlierPicks, StringComparer.Ordinal);
            if (previous is not null && !options.UpgradeAll)
            {
                // The previous lock wins over earlier platforms' picks: relocking should keep what the lock had.
                foreach (var package in previous.Where(p => p.AppliesTo(environment)))
                {
                    preferences[package.Name] = package.Version;
                }
            }

            foreach (var name in upgrade)
            {
                preferences.Remove(name);
            }

            var request = new PlatformResolutionRequest(layer, platform, environment, constraints, origins, preferences, spec.ToolConfig.ExcludeNewer?.Cutoff);
            switch (await resolver.ResolveAsync(request, cancellationToken).ConfigureAwait(false))
            {
                case PlatformResolved resolved:
                    resolutions[platform] = resolved.Packages;
                    foreach (var package in resolved.Packages)
                    {
                        earlierPicks.TryAdd(package.Name, package.Version);
                    }

                    break;
                case PlatformUnsatisfiable failure:
                    unsatisfiable.Add((platform, failure));
                    break;
            }
        }

        if (unsatisfiable.Count > 0)
        {
            ReportUnsatisfiable(layer, unsatisfiable, diagnostics);
            return null;
        }

        var lockFile = LayerLockBuilder.Build(layer, resolutions, lowerPackages.Select(p => p.Package).ToList(), state.Files.Directory);
        var newHash = LockHashes.RequirementsHash(lockFile);
        var requirementsChanged = state.Recorded?.RequirementsHash != newHash || state.RequirementsHashOnDisk != newHash;
        await WriteIfChangedAsync(state.Files.PyLockPath, lockFile.ToToml(), written, cancellationToken).ConfigureAwait(false);
        await WriteSideFilesAsync(layer, state.Files, lockFile, written, cancellationToken).ConfigureAwait(false);
        // Only the pylock changed on disk since the state was read, and it now holds exactly lockFile.
        var current = state with { RequirementsHashOnDisk = newHash, InvalidatedByDependency = false, LowerLayerMismatches = [] };
        var metadata = await UpdateMetadataAsync(spec, layer, current, options, written, cancellationToken).ConfigureAwait(false);
        return new LayerLockOutcome(layer.BuildName, LayerLockAction.Locked, requirementsChanged, metadata);
    }

    private static List<LockedPackage>? TryReadPrevious(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return PyLock.Parse(File.ReadAllText(path)).Packages.Select(LockedPackage.From).ToList();
        }
        catch (FormatException)
        {
            // A damaged previous lock is only a lost preference; the relock replaces it.
            return null;
        }
    }

    private static void ReportUnsatisfiable(
        LayerSpec layer,
        List<(TargetPlatform Platform, PlatformUnsatisfiable Outcome)> failures,
        DiagnosticBag diagnostics)
    {
        if (failures.All(f => f.Outcome.PackagesWithoutWheels.Count > 0))
        {
            // venvstacks' message for wheel availability, with its hint about a working platform list.
            var missing = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var (platform, outcome) in failures)
            {
                foreach (var package in outcome.PackagesWithoutWheels)
                {
                    if (!missing.TryGetValue(package, out var platforms))
                    {
                        missing[package] = platforms = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    platforms.Add(platform.Name);
                }
            }

            var compatible = layer.Platforms.Select(p => p.Name).Except(failures.Select(f => f.Platform.Name)).Order(StringComparer.Ordinal).ToList();
            var lines = new List<string> { $"{layer.BuildName}: Some packages did not have wheels for all target platforms:", string.Empty };
            lines.AddRange(missing.Select(m => $"  {m.Key}: no wheels available for [{string.Join(", ", m.Value.Select(p => $"'{p}'"))}]"));
            lines.Add(string.Empty);
            lines.Add(compatible.Count == 0
                ? "There are no platforms with wheels available for all packages."
                : $"Set platforms to [{string.Join(", ", compatible.Select(p => $"'{p}'"))}] to limit to available wheels.");
            diagnostics.Error(DiagnosticCodes.MissingWheels, string.Join("\n", lines), layer.Location);
            return;
        }

        foreach (var group in failures.GroupBy(f => f.Outcome.Explanation, StringComparer.Ordinal))
        {
            var platforms = string.Join(", ", group.Select(f => f.Platform.Name));
            diagnostics.Error(
                DiagnosticCodes.LockFailed,
                $"Failed to lock layer '{layer.BuildName}' for {platforms}: {group.Key}",
                layer.Location);
        }
    }

    private static async Task WriteSideFilesAsync(
        LayerSpec layer, LayerLockFiles files, PyLock lockFile, ImmutableArray<string>.Builder written, CancellationToken cancellationToken)
    {
        var inputLines = new List<string>
        {
            "# DO NOT EDIT. Automatically generated by VenvStacks.Sdk.",
            "#              Relock layer dependencies to update.",
        };
        inputLines.AddRange(LockHashes.DeclaredRequirementLines(layer));
        inputLines.Add(string.Empty);
        await WriteIfChangedAsync(files.InputPath, string.Join("\n", inputLines), written, cancellationToken).ConfigureAwait(false);
        await WriteIfChangedAsync(files.SummaryPath, PackageSummary.Render(layer.BuildName, lockFile), written, cancellationToken).ConfigureAwait(false);
    }

    // state: the layer's lock as its files are now, requirements hash included; nothing above it may invalidate it.
    private static async Task<LockMetadata> UpdateMetadataAsync(
        StackSpec spec, LayerSpec layer, LayerLockState state, LockOptions options, ImmutableArray<string>.Builder written, CancellationToken cancellationToken)
    {
        var clamp = spec.ToolConfig.ExcludeNewer?.Cutoff;
        LockMetadata metadata;
        if (state.HasValidLock)
        {
            var current = state.Recorded!;
            if (clamp is null || current.LockedAtTime <= clamp)
            {
                return current;
            }

            // Only the recorded time is too late: clamp it, without bumping the version (venvstacks bumps; see docs).
            metadata = current with { LockedAt = LockMetadata.FormatTime(clamp.Value) };
        }
        else
        {
            var lockTime = new DateTimeOffset(File.GetLastWriteTimeUtc(state.Files.PyLockPath), TimeSpan.Zero);
            if (options.Now is { } now && now < lockTime)
            {
                lockTime = now;
            }

            if (clamp is { } cutoff && lockTime > cutoff)
            {
                lockTime = cutoff;
            }

            metadata = new LockMetadata(
                state.LockInputHash,
                layer.Versioned && state.Recorded is not null ? state.Recorded.LockVersion + 1 : 1,
                LockMetadata.FormatTime(lockTime),
                state.OtherInputsHash,
                state.RequirementsHashOnDisk!,
                state.VersionInputsHash);
        }

        await WriteIfChangedAsync(state.Files.MetadataPath, metadata.ToJson(), written, cancellationToken).ConfigureAwait(false);
        return metadata;
    }

    private static async Task WriteIfChangedAsync(string path, string text, ImmutableArray<string>.Builder written, CancellationToken cancellationToken)
    {
        if (await AtomicFile.WriteIfChangedAsync(path, text, cancellationToken).ConfigureAwait(false))
        {
            written.Add(path);
        }
    }
}
