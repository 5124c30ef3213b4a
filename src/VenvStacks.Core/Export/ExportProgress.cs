namespace VenvStacks.Core.Export;

/// <summary>How far the export of one layer has got: reported while its files are placed (at most every 100 ms) and
/// once more when the layer is done, post-install included.</summary>
/// <param name="Layer">The layer's build name.</param>
/// <param name="Files">Files (and links) placed so far.</param>
/// <param name="Bytes">Their size so far.</param>
/// <param name="Elapsed">Time since the layer's export started.</param>
public readonly record struct ExportProgress(string Layer, long Files, long Bytes, TimeSpan Elapsed)
{
    /// <summary><see cref="Bytes"/> in MiB.</summary>
    public double Megabytes => Bytes / (1024.0 * 1024.0);
}
