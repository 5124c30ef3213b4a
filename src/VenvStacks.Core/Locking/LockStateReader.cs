using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Core.Status;
using VenvStacks.Packaging;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Core.Locking;

/// <summary>
/// Reads the lock state of every enabled layer of a stack, lower layers first, so that a layer whose runtime or
/// framework needs locking is marked invalid too (venvstacks' lock cascade), and so that a lock resolved against
/// other lower locks than the current ones is stale (<see cref="LowerLayerConsistency"/>). Reads files only; never
/// the network.
/// </summary>
public static class LockStateReader
{
    /// <summary>The state of every enabled layer, keyed by build name.</summary>
    /// <param name="spec">The stack.</param>
    /// <param name="cancellationToken">Stops hashing launch and support modules.</param>
    public static IReadOnlyDictionary<string, LayerLockState> Read(StackSpec spec, CancellationToken cancellationToken = default)
    {
        var filter = SourceTreeFilter.For(spec.SpecDirectory);
        var states = new Dictionary<string, LayerLockState>(StringComparer.Ordinal);
        var locks = new Dictionary<string, PyLock>(StringComparer.Ordinal);
        foreach (var layer in spec.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invalidated = layer.Dependencies.Any(d => !states.TryGetValue(d.BuildName, out var s) || s.NeedsFullLock);
            var (state, pylock) = ReadLayer(spec, layer, filter, invalidated, cancellationToken);
            if (pylock is not null)
            {
                locks[layer.BuildName] = pylock;
                if (!state.NeedsFullLock)
                {
                    // Every lower layer has a usable lock here (else this one would be invalidated by the cascade).
                    var lowerPins = LowerLayerConstraints.For(layer, lower => locks[lower.BuildName]);
                    state = state with { LowerLayerMismatches = LowerLayerConsistency.Check(layer, [.. pylock.Packages.Select(LockedPackage.From)], lowerPins) };
                }
            }

            states[layer.BuildName] = state;
        }

        return states;
    }

    /// <summary>The status-display view of <see cref="Read"/>.</summary>
    public static Func<LayerSpec, LayerLockSummary> Summaries(StackSpec spec, CancellationToken cancellationToken = default)
    {
        var states = Read(spec, cancellationToken);
        return layer => states.TryGetValue(layer.BuildName, out var state)
            ? new LayerLockSummary(state.HasValidLock, state.LockVersion)
            : LayerLockSummary.Unlocked;
    }

    private static (LayerLockState State, PyLock? Lock) ReadLayer(
        StackSpec spec, LayerSpec layer, SourceTreeFilter filter, bool invalidatedByDependency, CancellationToken cancellationToken)
    {
        var files = LayerLockFiles.For(spec, layer);
        var lockInputHash = LockHashes.LockInputHash(LockHashes.DeclaredRequirementLines(layer));
        var recorded = LockMetadata.TryRead(files.MetadataPath);

        // venvstacks only hashes the pylock file when the declared requirements still match the recorded ones.
        (PyLock Lock, string Hash)? onDisk = null;
        LockFileProblem? problem = null;
        if (recorded is not null && recorded.LockInputHash == lockInputHash)
        {
            (onDisk, problem) = TryReadLockFile(files.PyLockPath);
        }

        var state = new LayerLockState(
            files,
            lockInputHash,
            Hashing.ContentHashes.HashStrings(LockHashes.OtherInputs(layer)),
            Hashing.ContentHashes.HashStrings(LockHashes.VersionInputs(layer, filter, cancellationToken)),
            onDisk?.Hash,
            recorded,
            layer.Versioned,
            invalidatedByDependency)
        {
            UnreadableLockFile = problem,
        };
        return (state, onDisk?.Lock);
    }

    // A missing or hand-broken lock file makes the lock invalid; it must not stop the status display.
    private static ((PyLock Lock, string Hash)? Lock, LockFileProblem? Problem) TryReadLockFile(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            var pylock = PyLock.Parse(File.ReadAllText(path));
            return ((pylock, LockHashes.RequirementsHash(pylock)), null);
        }
        catch (PackagingFormatException ex)
        {
            var (line, column) = TextLocation.LineAndColumn(ex.Input, ex.Position);
            return (null, new LockFileProblem(ex.Message, new SourceLocation(path, line, column, line, column)));
        }
        catch (FormatException ex)
        {
            return (null, new LockFileProblem(ex.Message, SourceLocation.FileOnly(path)));
        }
    }
}
