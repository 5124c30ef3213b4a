using System.Collections.Immutable;

namespace VenvStacks.Core.Status;

/// <summary>One layer's line in the status display (venvstacks' <c>LayerStatus</c>).</summary>
/// <param name="Name">The build name.</param>
/// <param name="InstallTarget">The deployed name (<c>name@N</c> for versioned layers, <c>@???</c> before locking).</param>
/// <param name="HasValidLock">Whether the layer's lock is valid.</param>
/// <param name="SelectedOperations">The operations the command would run, or null when not reported.</param>
/// <param name="Dependencies">The lower layers in priority order, or null when not reported.</param>
public sealed record LayerStatus(
    string Name,
    string InstallTarget,
    bool HasValidLock,
    ImmutableArray<string>? SelectedOperations,
    ImmutableArray<LayerStatus>? Dependencies);
