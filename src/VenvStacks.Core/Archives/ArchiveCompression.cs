namespace VenvStacks.Core.Archives;

/// <summary>
/// Compression settings. Neither setting changes which bytes a given tree produces except <see cref="Level"/>: the
/// xz and zstd encoders split their input into blocks of a size fixed by the level, so the thread count only changes
/// how many blocks are compressed at once.
/// </summary>
/// <param name="Level">xz preset 0–9 (default 6, as <c>xz</c>); zstd level 1–22 (default 3, as <c>zstd</c>);
/// gzip and zip deflate 0–9 (default 6, mapped to .NET's no/fastest/optimal/smallest levels); ignored for plain tar.</param>
/// <param name="Threads">Compression threads for xz and zstd; default <see cref="Environment.ProcessorCount"/>.</param>
public sealed record ArchiveCompression(int? Level = null, int? Threads = null)
{
    /// <summary>The default level and thread count.</summary>
    public static ArchiveCompression Default { get; } = new();

    /// <summary>The thread count to use.</summary>
    public int EffectiveThreads => Math.Max(1, Threads ?? Environment.ProcessorCount);

    /// <summary>The level to use for <paramref name="format"/>.</summary>
    public int EffectiveLevel(ArchiveFormat format) => Level ?? DefaultLevel(format);

    /// <summary>The default level of <paramref name="format"/>.</summary>
    public static int DefaultLevel(ArchiveFormat format) => format switch
    {
        ArchiveFormat.TarZst => 3,
        ArchiveFormat.Tar => 0,
        _ => 6,
    };

    /// <summary>The levels <paramref name="format"/> accepts.</summary>
    public static (int Min, int Max) LevelRange(ArchiveFormat format) => format switch
    {
        ArchiveFormat.TarZst => (1, 22),
        ArchiveFormat.Tar => (0, 0),
        _ => (0, 9),
    };
}
