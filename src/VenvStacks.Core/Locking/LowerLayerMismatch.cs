using System.Collections.Immutable;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Locking;

/// <summary>
/// A package a layer's lock holds at another version than its lower layers pin now, or holds as provided by a
/// lower layer that no longer installs it: the lock was resolved against other lower locks than the current ones.
/// </summary>
/// <param name="Package">The normalised package name.</param>
/// <param name="LockedVersion">The version in this layer's lock.</param>
/// <param name="LockedAsShared">Whether this layer's lock has it as shared (<c>from_lower_layer</c>).</param>
/// <param name="LowerLayer">The build name of the lower layer that pins it now, or null when none does.</param>
/// <param name="LowerVersion">The version that layer pins, or null.</param>
/// <param name="Platforms">The target platforms where the two disagree.</param>
public sealed record LowerLayerMismatch(
    string Package,
    Version LockedVersion,
    bool LockedAsShared,
    string? LowerLayer,
    Version? LowerVersion,
    ImmutableArray<string> Platforms)
{
    /// <summary>E.g. <c>quillon 1.1.0 from the lower layer, but cpython-3.11 now pins quillon 1.2.0</c>.</summary>
    public string Describe(int layerPlatformCount)
    {
        var where = Platforms.Length == layerPlatformCount ? string.Empty : $" (on {string.Join(", ", Platforms)})";
        var locked = $"{Package} {LockedVersion} {(LockedAsShared ? "from the lower layer" : "installed by this layer")}";
        return LowerLayer is null
            ? $"{locked}, but no lower layer installs {Package} now{where}"
            : $"{locked}, but {LowerLayer} now pins {Package} {LowerVersion}{where}";
    }
}
