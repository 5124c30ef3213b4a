using System.Collections.Immutable;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Building;

/// <summary>How <see cref="StackBuilder"/> builds a stack's layers.</summary>
public sealed record StackBuildOptions
{
    /// <summary>The build folder: each layer is built in <c>&lt;BuildDirectory&gt;/&lt;build name&gt;/</c>, with
    /// <c>&lt;build name&gt;.last-build.json</c> beside it (docs/venvstacks-reference.md §3.1).</summary>
    public required string BuildDirectory { get; init; }

    /// <summary>The platform the layers are built for. Only the host's can be built today; layers that do not
    /// target it are skipped.</summary>
    public TargetPlatform Platform { get; init; } = HostPlatform.Current();

    /// <summary>Where runtimes come from (downloads table, mirror, cache root).</summary>
    public RuntimeSourceOptions Runtimes { get; init; } = new();

    /// <summary>Build-name patterns of the layers to build (their lower layers are built when needed); empty for all.</summary>
    public ImmutableArray<string> Include { get; init; } = [];

    /// <summary>Rebuild layers even when their last build record matches.</summary>
    public bool Force { get; init; }

    /// <summary>Run each built layer's Python (<c>-X utf8 -Im site</c>) and check its <c>sys.path</c>, when this
    /// machine can run the layer's platform.</summary>
    public bool Verify { get; init; } = true;

    /// <summary>How many wheels are installed at once.</summary>
    public int MaxParallelInstalls { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Receives one line per step a person can follow (layer started/finished, runtime download).</summary>
    public Action<BuildProgress>? Progress { get; init; }
}
