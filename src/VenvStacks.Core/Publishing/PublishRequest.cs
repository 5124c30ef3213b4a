using System.Collections.Immutable;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// What <see cref="PublishEngine"/> publishes (docs/venvstacks-reference.md §4): the layers of <see cref="Spec"/> that
/// target <see cref="Platform"/>, as built under <see cref="BuildDirectory"/>, into <see cref="OutputDirectory"/>.
/// Everything that venvstacks reads from the process environment is passed in explicitly.
/// </summary>
public sealed record PublishRequest
{
    /// <summary>The stack.</summary>
    public required StackSpec Spec { get; init; }

    /// <summary>
    /// The build folder: each built layer at <c>&lt;BuildDirectory&gt;/&lt;build name&gt;/</c> with its
    /// <c>&lt;build name&gt;.last-build.json</c> beside it (docs/venvstacks-reference.md §3.1, §3.10).
    /// </summary>
    public required string BuildDirectory { get; init; }

    /// <summary>Where archives and <c>__venvstacks__/</c> go; previous metadata is read from here too.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The platform published for; only layers targeting it are published (for now the host's).</summary>
    public required TargetPlatform Platform { get; init; }

    /// <summary>
    /// The bytes of <c>postinstall.py</c>, injected at the top of every archive (docs/venvstacks-reference.md §4.3,
    /// §4.6). Must not be empty.
    /// </summary>
    public required ReadOnlyMemory<byte> PostInstallScript { get; init; }

    /// <summary>The layers' lock states (<see cref="LockStateReader.Read"/>); null reads them from the lock files.</summary>
    public IReadOnlyDictionary<string, LayerLockState>? LockStates { get; init; }

    /// <summary>The archive format; null is <see cref="PublishNaming.DefaultFormat"/> of <see cref="Platform"/>.</summary>
    public ArchiveFormat? Format { get; init; }

    /// <summary>Compression level (xz preset, zstd level, deflate level) and threads.</summary>
    public ArchiveCompression Compression { get; init; } = ArchiveCompression.Default;

    /// <summary>Whether names carry the platform and build number (venvstacks' <c>--tag-outputs</c>).</summary>
    public bool TagOutputs { get; init; }

    /// <summary>
    /// fnmatch-style patterns over build names (venvstacks' <c>--include</c>); empty publishes every layer. Unlike
    /// venvstacks, layers left out keep their entries in the existing manifest.
    /// </summary>
    public ImmutableArray<string> Include { get; init; } = [];

    /// <summary>Whether to only compute the build metadata and write nothing (venvstacks' <c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The time stored for every archive entry instead of the layer's lock time (the caller reads
    /// <c>SOURCE_DATE_EPOCH</c>); null uses each layer's <c>locked_at</c>.
    /// </summary>
    public DateTimeOffset? SourceDateEpoch { get; init; }

    /// <summary>Whether every selected layer is archived again with a new build number (venvstacks' <c>--force</c>).</summary>
    public bool Force { get; init; }
}
