using System.Text.RegularExpressions;
using VenvStacks.Packaging.Platforms;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Finds the shared libraries in a POSIX layer's site-packages that lower-layer dynlib folders should expose
/// (docs/venvstacks-reference.md §3.6): files whose last suffix is <c>.so</c> or <c>.dylib</c>, except Python extension
/// modules of the target interpreter and <c>dynlib_exclude</c> matches. Beyond venvstacks, versioned sonames such as
/// <c>libfoo.so.1</c> and <c>libfoo.so.1.2.3</c> count too: they are what a library's <c>DT_NEEDED</c> entries usually
/// name, and venvstacks missing them is a known gap (§9 item 14). Folder links are listed but not followed, as
/// <c>os.walk</c> does.
/// </summary>
internal static partial class SharedLibraryScanner
{
    /// <summary>The libraries below <paramref name="sitePackages"/>, as absolute paths in walk order (names sorted ordinally).</summary>
    public static IReadOnlyList<string> Find(
        string sitePackages,
        TargetPlatform platform,
        PythonImplementation python,
        IEnumerable<DynlibExcludePattern> excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        var extensionModules = ExtensionModuleSuffixes.For(platform, python);
        var exclusions = excluded.ToArray();
        var found = new List<string>();
        if (!Directory.Exists(sitePackages))
        {
            return found;
        }

        var pending = new Stack<string>();
        pending.Push(sitePackages);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
            foreach (var entry in entries.Where(e => e is not DirectoryInfo))
            {
                if (IsLibraryName(entry.Name, extensionModules) && !exclusions.Any(p => p.Matches(entry.FullName)))
                {
                    found.Add(entry.FullName);
                }
            }

            foreach (var subfolder in entries.OfType<DirectoryInfo>().Where(d => d.LinkTarget is null).Reverse())
            {
                pending.Push(subfolder.FullName);
            }
        }

        return found;
    }

    /// <summary>Whether a file name is a shared library rather than an extension module or anything else.</summary>
    public static bool IsLibraryName(string name, IReadOnlyList<IReadOnlyList<string>> extensionModuleSuffixes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(extensionModuleSuffixes);
        if (VersionedSoname().IsMatch(name))
        {
            return true;
        }

        if (FileNameSuffixes.Last(name) is not (".so" or ".dylib"))
        {
            return false;
        }

        var suffixes = FileNameSuffixes.Split(name);
        return !extensionModuleSuffixes.Any(e => e.SequenceEqual(suffixes, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^[^.].*\.so(\.[0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedSoname();
}
