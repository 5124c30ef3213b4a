using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// The archive a runtime download table names for one CPython version on one target platform
/// (docs/venvstacks-reference.md §3.2).
/// </summary>
/// <param name="Version">The exact CPython version, the table's key (<c>3.12.9</c>).</param>
/// <param name="Platform">The venvstacks target platform.</param>
/// <param name="Variant"><c>install_only_stripped</c> or <c>install_only</c>: both unpack to the same layout.</param>
/// <param name="ReleaseTag">The python-build-standalone release (<c>YYYYMMDD</c>), when the table gives it.</param>
/// <param name="Triple">The target triple in the file name, when the table gives it.</param>
/// <param name="Url">Where the archive is: absolute (a relative table URL is already resolved against the table's own
/// location), credential-free.</param>
/// <param name="Sha256">Lower-case hex sha256 of the archive, or null when the table has none (such an entry is
/// refused, VSTK3004).</param>
/// <param name="Table">The table the entry comes from, as shown in messages.</param>
public sealed record RuntimeArchive(
    string Version,
    TargetPlatform Platform,
    string Variant,
    string? ReleaseTag,
    string? Triple,
    Uri Url,
    string? Sha256,
    string Table)
{
    /// <summary>The archive's file name: the last segment of <see cref="Url"/>, unescaped (<c>%2B</c> → <c>+</c>).</summary>
    public string FileName => Uri.UnescapeDataString(Url.Segments[^1]);

    /// <summary>The runtime in messages: <c>cpython@3.12.9 for linux_x86_64</c>.</summary>
    public string Description => $"cpython@{Version} for {Platform.Name}";
}
