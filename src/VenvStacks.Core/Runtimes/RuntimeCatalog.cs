using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.VenvstacksTargets;
using Pep440Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Turns <c>python_implementation = "cpython@X.Y.Z"</c> and a target platform into the archive to use
/// (docs/venvstacks-reference.md §3.2): the first table, in precedence order, with an entry for exactly that version
/// and platform wins — so a user table (<c>VenvStacksPythonDownloads</c>) overrides the embedded pin entry by entry
/// and falls back to it for everything it does not list. A missing version or platform is an error that names what
/// the tables do have nearby; an entry without a sha256 is refused, since nothing unverified becomes a runtime.
/// </summary>
public sealed class RuntimeCatalog
{
    /// <summary>Creates a catalogue.</summary>
    /// <param name="tables">The tables, highest precedence first (a user table, then <see cref="EmbeddedRuntimeTable"/>).</param>
    public RuntimeCatalog(IReadOnlyList<RuntimeDownloadTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            throw new ArgumentException("A runtime catalogue needs at least one table.", nameof(tables));
        }

        Tables = tables;
    }

    /// <summary>The catalogue of the embedded table alone.</summary>
    public static RuntimeCatalog Embedded => new([EmbeddedRuntimeTable.Table]);

    /// <summary>The tables, highest precedence first.</summary>
    public IReadOnlyList<RuntimeDownloadTable> Tables { get; }

    /// <summary>The archive for a runtime on a platform.</summary>
    /// <exception cref="RuntimeException">VSTK3001 (not CPython), VSTK3002 (no such version), VSTK3003 (no archive for
    /// the platform), VSTK3004 (the entry has no sha256).</exception>
    public RuntimeArchive Resolve(PythonImplementation implementation, TargetPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(platform);
        if (!implementation.IsCPython)
        {
            throw new RuntimeException(
                DiagnosticCodes.RuntimeImplementationUnsupported,
                $"{implementation}: python-build-standalone only builds CPython, so there is no {implementation.Name} runtime to download. Use a cpython@X.Y.Z runtime.");
        }

        var version = implementation.Version;
        if (!Tables.Any(t => t.Versions.ContainsKey(version)))
        {
            throw VersionNotFound(implementation);
        }

        var archive = Tables.Select(t => t.Find(version, platform)).FirstOrDefault(a => a is not null)
            ?? throw PlatformNotFound(implementation, platform);
        if (archive.Sha256 is null)
        {
            throw new RuntimeException(
                DiagnosticCodes.RuntimeChecksumMissing,
                $"{archive.Description}: {archive.Table} gives no sha256 for {archive.FileName}, so the archive cannot be verified and is not used. "
                + "Choose another version, or list a verified copy with its sha256 in a table of your own (VenvStacksPythonDownloads).");
        }

        return archive;
    }

    private RuntimeException VersionNotFound(PythonImplementation implementation)
    {
        var version = implementation.Version;
        var sameMinor = Newest(AllVersions().Where(v => MinorOf(v) == implementation.MajorMinor));
        string detail;
        if (Tables.FirstOrDefault(t => t.FreeThreadedOnlyVersions.Contains(version)) is { } freeThreaded)
        {
            detail = $"{freeThreaded.Source} only has free-threaded builds of {version}, and free-threaded runtimes are not supported"
                + (sameMinor.Count > 0 ? $"; the newest {implementation.MajorMinor} release with a standard build is {sameMinor[0]}." : ".");
        }
        else if (sameMinor.Count > 0)
        {
            detail = $"it is not in {TablesText()}. The newest {implementation.MajorMinor} release there is {sameMinor[0]} "
                + $"({implementation.MajorMinor} releases: {string.Join(", ", sameMinor)}).";
        }
        else
        {
            var minors = AllVersions().GroupBy(MinorOf).Select(g => (Minor: g.Key, Newest: Newest(g)[0])).OrderByDescending(m => Pep440Version.Parse(m.Newest));
            detail = $"there is no {implementation.MajorMinor} release in {TablesText()}, only "
                + string.Join(", ", minors.Select(m => $"{m.Minor} (newest {m.Newest})")) + ".";
        }

        return new RuntimeException(
            DiagnosticCodes.RuntimeVersionNotFound,
            $"cpython@{version}: {detail} Choose a listed version, or list your own build in a table of your own (VenvStacksPythonDownloads).");
    }

    private RuntimeException PlatformNotFound(PythonImplementation implementation, TargetPlatform platform)
    {
        var version = implementation.Version;
        var available = Tables.SelectMany(t => t.Versions.TryGetValue(version, out var p) ? p.Keys : [])
            .Distinct().Select(p => p.Name).Order(StringComparer.Ordinal);
        var withPlatform = Newest(AllVersions().Where(v => MinorOf(v) == implementation.MajorMinor && Tables.Any(t => t.Find(v, platform) is not null)));
        var nearby = withPlatform.Count > 0
            ? $"{implementation.MajorMinor} releases with a {platform.Name} archive: {string.Join(", ", withPlatform)}."
            : $"No {implementation.MajorMinor} release there has a {platform.Name} archive.";
        return new RuntimeException(
            DiagnosticCodes.RuntimePlatformNotFound,
            $"cpython@{version} has no archive for {platform.Name} in {TablesText()}; it has archives for {string.Join(", ", available)}. {nearby}");
    }

    private IEnumerable<string> AllVersions() => Tables.SelectMany(t => t.Versions.Keys).Distinct(StringComparer.Ordinal);

    private string TablesText() => string.Join(" and ", Tables.Select(t => t.Source));

    private static List<string> Newest(IEnumerable<string> versions) =>
        versions.OrderByDescending(Pep440Version.Parse).ToList();

    private static string MinorOf(string version) => string.Join('.', version.Split('.').Take(2));
}
