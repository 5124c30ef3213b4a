namespace VenvStacks.Core.Runtimes;

/// <summary>How <see cref="RuntimeLayerMaterializer"/> copies a cached runtime.</summary>
public sealed record RuntimeMaterializeOptions
{
    /// <summary>The defaults: hard links where possible, an existing layer folder refused.</summary>
    public static RuntimeMaterializeOptions Default { get; } = new();

    /// <summary>Whether files may be hard links to the cache's (else every file is copied).</summary>
    public bool HardLinks { get; init; } = true;

    /// <summary>Whether an existing layer folder is replaced (once the new one is complete) rather than refused.</summary>
    public bool ReplaceExisting { get; init; }
}
