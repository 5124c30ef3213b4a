using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Locking;

/// <summary>What a lock run did to one layer.</summary>
public enum LayerLockAction
{
    /// <summary>The lock was valid; no resolution, no file changed (summary files may have been refreshed).</summary>
    UpToDate,

    /// <summary>Only a versioned layer's version inputs changed: the lock version was bumped, nothing resolved.</summary>
    VersionUpdated,

    /// <summary>The layer was resolved; <see cref="LayerLockOutcome.RequirementsChanged"/> tells whether the pins changed.</summary>
    Locked,

    /// <summary>The layer could not be locked (see the run's diagnostics).</summary>
    Failed,
}

/// <summary>The result for one layer.</summary>
/// <param name="BuildName">The layer's build name.</param>
/// <param name="Action">What happened.</param>
/// <param name="RequirementsChanged">Whether the layer's locked requirements differ from before the run.</param>
/// <param name="Metadata">The layer's lock metadata after the run (null when it failed).</param>
public sealed record LayerLockOutcome(string BuildName, LayerLockAction Action, bool RequirementsChanged, LockMetadata? Metadata);

/// <summary>The result of a lock run over a stack.</summary>
public sealed record LockRunResult(ImmutableArray<LayerLockOutcome> Layers, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether every layer has a valid lock now.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The files the run wrote.</summary>
    public ImmutableArray<string> WrittenFiles { get; init; } = [];
}
