using System.Text.RegularExpressions;
using VenvStacks.TestSupport.Python;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>
/// What the dynamic loader sees in an ELF shared object, read with <c>readelf</c>: the libraries it needs, its own
/// SONAME, any RPATH/RUNPATH, and the newest glibc symbol version it requires (which decides the manylinux tag it
/// can honestly carry).
/// </summary>
/// <param name="Needed">The <c>DT_NEEDED</c> entries, in order.</param>
/// <param name="Soname">The <c>DT_SONAME</c>, or null.</param>
/// <param name="Rpath">The <c>DT_RPATH</c>, or null.</param>
/// <param name="Runpath">The <c>DT_RUNPATH</c>, or null.</param>
/// <param name="NewestGlibc">The newest <c>GLIBC_X.Y</c> version required, or null when none is.</param>
public sealed partial record NativeElfInfo(
    IReadOnlyList<string> Needed,
    string? Soname,
    string? Rpath,
    string? Runpath,
    Version? NewestGlibc)
{
    /// <summary>Reads a file's dynamic section and version needs.</summary>
    /// <exception cref="InvalidOperationException">readelf failed (not an ELF file, or readelf missing).</exception>
    public static async Task<NativeElfInfo> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var dynamic = (await ExternalProcess.RunAsync("readelf", ["-d", "-W", path], cancellationToken: cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess("readelf -d " + path).StandardOutput;
        var versions = (await ExternalProcess.RunAsync("readelf", ["-V", "-W", path], cancellationToken: cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess("readelf -V " + path).StandardOutput;

        string? Single(string tag) => Entries(dynamic, tag).FirstOrDefault();
        var glibc = GlibcVersion().Matches(versions)
            .Select(m => Version.Parse(m.Groups[1].Value))
            .DefaultIfEmpty()
            .Max();
        return new NativeElfInfo(Entries(dynamic, "NEEDED").ToArray(), Single("SONAME"), Single("RPATH"), Single("RUNPATH"), glibc);
    }

    // readelf -d lines look like: 0x0000000000000001 (NEEDED)  Shared library: [libfoo.so]
    private static IEnumerable<string> Entries(string dynamic, string tag) =>
        dynamic.Split('\n')
            .Where(line => line.Contains($"({tag})", StringComparison.Ordinal))
            .Select(line => BracketValue().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value);

    [GeneratedRegex(@"\[(.*)\]")]
    private static partial Regex BracketValue();

    [GeneratedRegex(@"GLIBC_(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex GlibcVersion();
}
