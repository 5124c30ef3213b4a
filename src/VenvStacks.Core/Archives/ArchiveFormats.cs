using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives;

/// <summary>Maps archive formats to and from file name extensions.</summary>
public static class ArchiveFormats
{
    // Longest suffixes first, so that ".tar.xz" is not taken for ".xz"; the short forms are read, never written.
    private static readonly (string Suffix, ArchiveFormat Format)[] Suffixes =
    [
        (".tar.xz", ArchiveFormat.TarXz),
        (".tar.zst", ArchiveFormat.TarZst),
        (".tar.gz", ArchiveFormat.TarGz),
        (".txz", ArchiveFormat.TarXz),
        (".tzst", ArchiveFormat.TarZst),
        (".tgz", ArchiveFormat.TarGz),
        (".tar", ArchiveFormat.Tar),
        (".zip", ArchiveFormat.Zip),
    ];

    /// <summary>The extension archives of <paramref name="format"/> are written with, leading dot included.</summary>
    public static string Extension(ArchiveFormat format) => format switch
    {
        ArchiveFormat.TarXz => ".tar.xz",
        ArchiveFormat.TarZst => ".tar.zst",
        ArchiveFormat.TarGz => ".tar.gz",
        ArchiveFormat.Tar => ".tar",
        ArchiveFormat.Zip => ".zip",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Whether the format is a tar stream (compressed or not), as opposed to zip.</summary>
    public static bool IsTar(ArchiveFormat format) => format != ArchiveFormat.Zip;

    /// <summary>The format a file name's extension names (case-insensitive), if any.</summary>
    public static bool TryFromPath(string path, out ArchiveFormat format)
    {
        var name = Path.GetFileName(path);
        foreach (var (suffix, candidate) in Suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The format a file name's extension names.</summary>
    /// <exception cref="ArchiveException">VSTK4006 when the extension is not one of a supported format.</exception>
    public static ArchiveFormat FromPath(string path) =>
        TryFromPath(path, out var format)
            ? format
            : throw new ArchiveException(
                DiagnosticCodes.ArchiveUnsupportedFormat,
                path,
                null,
                $"'{Path.GetFileName(path)}' does not end in an archive extension this tool reads or writes ({string.Join(", ", Suffixes.Select(s => s.Suffix))}).");
}
