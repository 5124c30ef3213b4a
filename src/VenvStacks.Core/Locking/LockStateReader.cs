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
/// framework needs locking is marked invalid too (venvstacks' lock cascade). Reads files only; never the network.
/// </summary>
public static class LockStateReader
{
    /// <summary>The state of every enabled layer, keyed by build name.</summary>
    public static IReadOnlyDictionary<string, LayerLockState> Read(StackSpec spec)
    {
        var filter = SourceTreeFilter.For(spec.SpecDirectory);
        var states = new Dictionary<string, LayerLockState>(StringComparer.Ordinal);
        foreach (var layer in spec.Layers)
        {
            var invalidated = layer.Dependencies.Any(d => !states.TryGetValue(d.BuildName, out var s) || s.NeedsFullLock);
            states[layer.BuildName] = ReadLayer(spec, layer, filter, invalidated);
        }

        return states;
    }

    /// <summary>The status-display view of <see cref="Read"/>.</summary>
    public static Func<LayerSpec, LayerLockSummary> Summaries(StackSpec spec)
    {
        var states = Read(spec);
        return layer => states.TryGetValue(layer.BuildName, out var state)
            ? new LayerLockSummary(state.HasValidLock, state.LockVersion)
            : LayerLockSummary.Unlocked;
    }

    private static LayerLockState ReadLayer(StackSpec spec, LayerSpec layer, SourceTreeFilter filter, bool invalidatedByDependency)
    {
        var files = LayerLockFiles.For(spec, layer);
        var lockInputHash = LockHashes.LockInputHash(LockHashes.DeclaredRequirementLines(layer));
        var recorded = LockMetadata.TryRead(files.MetadataPath);

        // venvstacks only hashes the pylock file when the declared requirements still match the recorded ones.
        string? requirementsHash = null;
        LockFileProblem? problem = null;
        if (recorded is not null && recorded.LockInputHash == lockInputHash)
        {
            (requirementsHash, problem) = TryHashLockFile(files.PyLockPath);
        }

        return new LayerLockState(
            files,
            lockInputHash,
            Hashing.ContentHashes.HashStrings(LockHashes.OtherInputs(layer)),
            Hashing.ContentHashes.HashStrings(LockHashes.VersionInputs(layer, filter)),
            requirementsHash,
            recorded,
            layer.Versioned,
            invalidatedByDependency)
        {
            UnreadableLockFile = problem,
        };
    }

    // A missing or hand-broken lock file makes the lock invalid; it must not stop the status display.
    private static (string? Hash, LockFileProblem? Problem) TryHashLockFile(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            return (LockHashes.RequirementsHash(PyLock.Parse(File.ReadAllText(path))), null);
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
