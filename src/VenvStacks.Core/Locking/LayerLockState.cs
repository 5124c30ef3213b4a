using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Locking;

/// <summary>
/// A layer's lock as it stands on disk compared with the current spec (docs/venvstacks-reference.md §2.8): the hashes the
/// spec implies now, what the metadata recorded, and the verdicts derived from them.
/// </summary>
/// <param name="Files">The layer's lock files.</param>
/// <param name="LockInputHash">The <c>lock_input_hash</c> of the current requirements.</param>
/// <param name="OtherInputsHash">The current <c>other_inputs_hash</c>.</param>
/// <param name="VersionInputsHash">The current <c>version_inputs_hash</c>.</param>
/// <param name="RequirementsHashOnDisk">The <c>requirements_hash</c> of the pylock file on disk, or null when absent or unreadable.</param>
/// <param name="Recorded">The metadata file's contents, or null.</param>
/// <param name="Versioned">Whether the layer is versioned (version inputs only count then).</param>
/// <param name="InvalidatedByDependency">Whether a lower layer needs locking, which invalidates this lock too.</param>
public sealed record LayerLockState(
    LayerLockFiles Files,
    string LockInputHash,
    string OtherInputsHash,
    string VersionInputsHash,
    string? RequirementsHashOnDisk,
    LockMetadata? Recorded,
    bool Versioned,
    bool InvalidatedByDependency)
{
    /// <summary>
    /// Packages this lock holds at other versions than the lower layers' current locks pin (or holds as shared although
    /// no lower layer installs them now): the lock was resolved against other lower locks, e.g. by a relock that was
    /// interrupted after a lower layer was written (<see cref="LowerLayerConsistency"/>). Any makes the lock stale.
    /// </summary>
    public ImmutableArray<LowerLayerMismatch> LowerLayerMismatches { get; init; } = [];

    /// <summary>Why the pylock file on disk could not be read, when it exists and could not (Auto mode relocks such a
    /// layer; Locked mode reports this as VSTK2006).</summary>
    public LockFileProblem? UnreadableLockFile { get; init; }

    /// <summary>Whether the lock matches the spec and needs no rewrite at all.</summary>
    public bool HasValidLock => !InvalidatedByDependency && LowerLayerMismatches.IsEmpty && Matches(checkVersion: Versioned);

    /// <summary>Whether the requirements must be resolved again (version inputs are ignored here).</summary>
    public bool NeedsFullLock => InvalidatedByDependency || !LowerLayerMismatches.IsEmpty || !Matches(checkVersion: false);

    /// <summary>Whether only the version inputs of a versioned layer changed: bump the version, keep the resolution.</summary>
    public bool NeedsVersionUpdate => !NeedsFullLock && !HasValidLock;

    /// <summary>The lock version deployed names use: 1 for unversioned layers, the recorded one when valid.</summary>
    public int? LockVersion => !Versioned ? 1 : HasValidLock ? Recorded!.LockVersion : null;

    /// <summary>The metadata fields that differ from what the spec implies now (for diagnostics).</summary>
    public ImmutableArray<string> ChangedFields
    {
        get
        {
            var changed = ImmutableArray.CreateBuilder<string>();
            if (Recorded is null)
            {
                return ["lock_input_hash", "other_inputs_hash", "requirements_hash", "version_inputs_hash"];
            }

            if (Recorded.LockInputHash != LockInputHash)
            {
                changed.Add("lock_input_hash");
            }

            if (Recorded.OtherInputsHash != OtherInputsHash)
            {
                changed.Add("other_inputs_hash");
            }

            if (Recorded.RequirementsHash != RequirementsHashOnDisk)
            {
                changed.Add("requirements_hash");
            }

            if (Versioned && Recorded.VersionInputsHash != VersionInputsHash)
            {
                changed.Add("version_inputs_hash");
            }

            return changed.ToImmutable();
        }
    }

    private bool Matches(bool checkVersion) =>
        Recorded is not null
        && RequirementsHashOnDisk is not null
        && Recorded.LockInputHash == LockInputHash
        && Recorded.RequirementsHash == RequirementsHashOnDisk
        && Recorded.OtherInputsHash == OtherInputsHash
        && (!checkVersion || Recorded.VersionInputsHash == VersionInputsHash);
}

/// <summary>A lock file that exists but cannot be read, with the place in it the reader stopped at.</summary>
/// <param name="Message">The reader's explanation.</param>
/// <param name="Location">The file, line and column.</param>
public sealed record LockFileProblem(string Message, SourceLocation Location);
