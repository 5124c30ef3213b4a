using System.Text.Json.Nodes;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// A selected layer checked for publishing (docs/venvstacks-reference.md §4.1): validly locked, and unless this is a
/// dry run, built, from the current spec and lock. The last check compares the layer's <c>.last-build.json</c> with
/// the record a build would write now, so a tree built from an older lock (or for another target) is never archived
/// under the current metadata. The layer's metadata fields come from that same record (§3.10 <c>layer_details</c>),
/// so what is published describes exactly what was built.
/// </summary>
/// <param name="Layer">The layer.</param>
/// <param name="Plan">Its environment plan in the build folder (install targets from the lock versions).</param>
/// <param name="Details">Its metadata fields common to build, export and publish (§4.5).</param>
/// <param name="LockTime">Its lock time in whole seconds, the time archives store by default (§4.4).</param>
internal sealed record LayerToPublish(LayerSpec Layer, LayerEnvironmentPlan Plan, JsonObject Details, DateTimeOffset LockTime)
{
    /// <summary>The checked layer, or null after adding the errors that stop it from being published.</summary>
    public static LayerToPublish? Check(
        PublishRequest request,
        LayerSpec layer,
        IReadOnlyDictionary<string, LayerLockState> lockStates,
        SourceTreeFilter moduleFilter,
        DiagnosticBag diagnostics)
    {
        var state = lockStates.GetValueOrDefault(layer.BuildName);
        if (state is not { HasValidLock: true, Recorded: { } lockMetadata })
        {
            var why = state is null ? "it was not read" : state.InvalidatedByDependency ? "a lower layer's lock is not valid" : "changed: " + string.Join(", ", state.ChangedFields);
            diagnostics.Error(
                DiagnosticCodes.PublishLayerNotLocked,
                $"Layer {layer.BuildName}: cannot publish without a valid lock ({why}); build the stack to lock it",
                state is null ? layer.Location : SourceLocation.FileOnly(state.Files.PyLockPath));
            return null;
        }

        var plan = LayerEnvironmentPlan.FromSpec(
            layer,
            request.Platform,
            request.BuildDirectory,
            l => l.InstallTarget(lockStates.GetValueOrDefault(l.BuildName)?.LockVersion),
            moduleFilter);
        var record = LastBuildRecord.Create(layer, plan, lockMetadata, state.Files.PyLockPath);
        if (!request.DryRun && !IsBuiltAsRecorded(layer, plan, record, diagnostics))
        {
            return null;
        }

        var lockTime = DateTimeOffset.FromUnixTimeSeconds(lockMetadata.LockedAtTime.ToUnixTimeSeconds());
        return new LayerToPublish(layer, plan, LayerDetails(record), lockTime);
    }

    private static bool IsBuiltAsRecorded(LayerSpec layer, LayerEnvironmentPlan plan, LastBuildRecord record, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(plan.Layer.EnvironmentPath) || !File.Exists(plan.LastBuildPath))
        {
            diagnostics.Error(
                DiagnosticCodes.PublishLayerNotBuilt,
                $"Layer {layer.BuildName}: Must create environment before attempting to archive it ('{plan.Layer.EnvironmentPath}' is not built)",
                SourceLocation.FileOnly(plan.Layer.EnvironmentPath));
            return false;
        }

        if (record.NeedsBuild(plan))
        {
            diagnostics.Error(
                DiagnosticCodes.PublishLayerBuildOutdated,
                $"Layer {layer.BuildName}: the build in '{plan.Layer.EnvironmentPath}' was made from another spec, lock or target platform than the current ones; build the stack again before publishing",
                SourceLocation.FileOnly(plan.LastBuildPath));
            return false;
        }

        return true;
    }

    private static JsonObject LayerDetails(LastBuildRecord record)
    {
        var root = (JsonObject)JsonNode.Parse(record.Json)!;
        var details = (JsonObject)root["layer_details"]!;
        root.Remove("layer_details");
        return details;
    }
}
