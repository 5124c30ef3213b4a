using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Publishing;

/// <summary>The result of a publish.</summary>
/// <param name="Layers">Every layer of the manifest, runtimes then frameworks then applications, each in definition order.</param>
/// <param name="Diagnostics">Errors and warnings; on an error nothing more was written than the archives and per-layer
/// metadata of layers completed before it.</param>
public sealed record PublishResult(ImmutableArray<LayerPublication> Layers, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether the publish completed without error.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The manifest file (<c>__venvstacks__/venvstacks[-&lt;platform&gt;].json</c>); null for a dry run or a failure.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>
    /// The manifest text, <c>{"layers": {...}}</c>, as written; for a dry run the build metadata venvstacks prints
    /// (no <c>archive_size</c> or <c>archive_hashes</c>). Null when the publish failed before it was complete.
    /// </summary>
    public string? ManifestJson { get; init; }

    /// <summary>The files whose content this run wrote (new archives, changed metadata files, the manifest).</summary>
    public ImmutableArray<string> WrittenFiles { get; init; } = [];

    /// <summary>
    /// Every file the publish consists of: the manifest, and for each layer of the manifest its archive and metadata
    /// file, whether written now or kept from before (what MSBuild adds to the publish list).
    /// </summary>
    public ImmutableArray<string> OutputFiles { get; init; } = [];
}
