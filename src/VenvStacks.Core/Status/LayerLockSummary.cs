namespace VenvStacks.Core.Status;

/// <summary>What the status display needs to know about a layer's lock.</summary>
/// <param name="HasValidLock">Whether the committed lock matches the current spec (docs/venvstacks-reference.md §2.8).</param>
/// <param name="LockVersion">The recorded lock version, or null when there is no lock metadata.</param>
public sealed record LayerLockSummary(bool HasValidLock, int? LockVersion)
{
    /// <summary>A layer that has never been locked.</summary>
    public static LayerLockSummary Unlocked { get; } = new(false, null);
}
