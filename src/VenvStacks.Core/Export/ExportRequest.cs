using VenvStacks.Core.Runtimes;
using System.Collections.Immutable;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Export;

/// <summary>What to export where (docs/venvstacks-reference.md §5).</summary>
public sealed record ExportRequest
{
    /// <summary>The stack; its enabled layers are exported, and exported layers no longer in it are removed.</summary>
    public required StackSpec Spec { get; init; }

    /// <summary>The build folder: each layer at <c>&lt;build name&gt;/</c> with <c>&lt;build name&gt;.last-build.json</c> beside it.</summary>
    public required string BuildDirectory { get; init; }

    /// <summary>The layers' lock states by build name (<see cref="LockStateReader.Read"/>): deployed names and lock metadata.</summary>
    public required IReadOnlyDictionary<string, LayerLockState> LockStates { get; init; }

    /// <summary>Where the layers go, each as <c>&lt;install target&gt;/</c>, with <c>__venvstacks__/</c> metadata.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The platform of this machine (<see cref="HostPlatform.TryCurrent()"/>); post-install only runs for layers built for it.</summary>
    public TargetPlatform? Host { get; init; } = HostPlatform.TryCurrent();

    /// <summary>Names or build names of the layers to export (their lower layers come along); empty means all.</summary>
    public ImmutableArray<string> Layers { get; init; } = [];

    /// <summary>Whether and with which Python post-install runs.</summary>
    public ExportPostInstall PostInstall { get; init; } = ExportPostInstall.WithRuntimePython;

    /// <summary>The complete environment of the post-install processes, or null to inherit this process's.</summary>
    public IReadOnlyDictionary<string, string>? PostInstallEnvironment { get; init; }
}
