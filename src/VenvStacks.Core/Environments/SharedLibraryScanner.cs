using System.IO.Enumeration;
using System.Text.RegularExpressions;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Finds the shared libraries in a POSIX layer's site-packages that lower-layer dynlib folders should expose
/// (docs/venvstacks-reference.md §3.6): files whose last suffix is <c>.so</c> or <c>.dylib</c>, except Python extension
/// modules of the target interpreter and <c>dynlib_exclude</c> matches. Beyond venvstacks, versioned sonames such as
/// <c>libfoo.so.1</c> and <c>libfoo.so.1.2.3</c> count too: they are what a library's <c>DT_NEEDED</c> entries usually
/// name, and venvstacks missing them is a known gap (§9 item 14). Links to folders are not followed, as in
/// <c>os.walk</c>.
/// </summary>
internal static partial class SharedLibraryScanner
{
    /// <summary>The libraries below <paramref name="sitePackages"/>, as absolute paths sorted ordinally.</summary>
    public static IReadOnlyList<string> Find(
        string sitePackages,
        TargetPlatform platform,
        PythonImplementation python,
        IEnumerable<DynlibExcludePattern> excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        if (!Directory.Exists(sitePackages))
        {
            return [];
        }

        var extensionModules = ExtensionModuleSuffixes.For(platform, python);
        var exclusions = excluded.ToArray();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };

        // Names are tested straight from the directory entries: site-packages can hold tens of thousands of files.
        var candidates = new FileSystemEnumerable<string>(
            sitePackages,
            (ref FileSystemEntry entry) => entry.ToFullPath(),
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && IsLibraryName(entry.FileName, extensionModules),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return candidates.Where(path => !exclusions.Any(p => p.Matches(path))).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Whether a file name is a shared library rather than an extension module or anything else.</summary>
    public static bool IsLibraryName(ReadOnlySpan<char> name, IReadOnlyList<IReadOnlyList<string>> extensionModuleSuffixes)
    {
        ArgumentNullException.ThrowIfNull(extensionModuleSuffixes);
        if (!name.Contains(".so", StringComparison.Ordinal) && !name.EndsWith(".dylib", StringComparison.Ordinal))
        {
            return false;
        }

        var text = name.ToString();
        if (VersionedSoname().IsMatch(text))
        {
            return true;
        }

        if (FileNameSuffixes.Last(text) is not (".so" or ".dylib"))
        {
            return false;
        }

        var suffixes = FileNameSuffixes.Split(text);
        return !extensionModuleSuffixes.Any(e => e.SequenceEqual(suffixes, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^[^.].*\.so(\.[0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedSoname();
}
