using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Removes pip, setuptools and wheel from an unpacked runtime, as venvstacks does with <c>uv pip uninstall</c>
/// (docs/venvstacks-reference.md §3.2) — without running Python: every file each distribution's <c>RECORD</c> lists
/// (paths relative to site-packages, so <c>../../../bin/pip3</c> is the console script), the compiled
/// <c>__pycache__/{module}.*.pyc</c> of each listed <c>.py</c> (written after RECORD, as pip and uv also remove), the
/// <c>.dist-info</c> folder, then every folder left empty. A RECORD path that is absolute or leads outside the runtime
/// is refused (VSTK3014) before anything is deleted.
/// </summary>
internal static class BundledInstallerRemover
{
    /// <summary>The distributions removed.</summary>
    public static IReadOnlyList<string> Distributions { get; } = ["pip", "setuptools", "wheel"];

    private const string DistInfoSuffix = ".dist-info";

    /// <summary>Removes the distributions found in the runtime at <paramref name="root"/>.</summary>
    /// <returns>What was removed, as <c>name version</c> from the <c>.dist-info</c> folder names, sorted.</returns>
    /// <exception cref="RuntimeException">VSTK3014.</exception>
    public static IReadOnlyList<string> Remove(string root, RuntimeLayout layout, CancellationToken cancellationToken)
    {
        var runtimeRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var sitePackages = Path.Combine(runtimeRoot, layout.SitePackages);
        if (!Directory.Exists(sitePackages))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var distInfo in Directory.EnumerateDirectories(sitePackages, "*" + DistInfoSuffix).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, version) = SplitDistInfoName(Path.GetFileName(distInfo));
            if (!Distributions.Contains(NormalizedName.From(name).Value, StringComparer.Ordinal))
            {
                continue;
            }

            var files = ListedFiles(runtimeRoot, sitePackages, distInfo);
            var emptied = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                DeleteWithCompiled(file, emptied);
            }

            Directory.Delete(distInfo, recursive: true);
            PruneEmptyFolders(emptied, runtimeRoot, sitePackages);
            removed.Add($"{name} {version}");
        }

        return removed;
    }

    private static (string Name, string Version) SplitDistInfoName(string folderName)
    {
        var stem = folderName[..^DistInfoSuffix.Length];
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (stem, string.Empty) : (stem[..dash], stem[(dash + 1)..]);
    }

    // Every path is checked before any is deleted, so a bad RECORD leaves the runtime as it was.
    private static List<string> ListedFiles(string runtimeRoot, string sitePackages, string distInfo)
    {
        var recordPath = Path.Combine(distInfo, "RECORD");
        RecordFile record;
        try
        {
            record = RecordFile.Parse(File.ReadAllBytes(recordPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PackagingFormatException)
        {
            throw new RuntimeException(
                DiagnosticCodes.RuntimeRecordInvalid,
                $"{recordPath} cannot be read, so {Path.GetFileName(distInfo)} cannot be removed from the runtime: {e.Message}",
                recordPath,
                e);
        }

        var files = new List<string>();
        foreach (var entry in record.Entries)
        {
            var relative = entry.Path.Replace('/', Path.DirectorySeparatorChar);
            var full = Path.GetFullPath(Path.Combine(sitePackages, relative));
            if (Path.IsPathRooted(relative) || !ArchivePaths.IsWithin(full, runtimeRoot) || full == runtimeRoot)
            {
                throw new RuntimeException(
                    DiagnosticCodes.RuntimeRecordInvalid,
                    $"{recordPath} lists '{entry.Path}', which is outside the runtime {runtimeRoot}; nothing was removed.",
                    recordPath);
            }

            files.Add(full);
        }

        return files;
    }

    private static void DeleteWithCompiled(string file, HashSet<string> emptied)
    {
        // A listed path that is a folder (never written by installers) is left alone; a link is removed, not followed.
        if (File.Exists(file) || new FileInfo(file).LinkTarget is not null)
        {
            File.Delete(file);
            emptied.Add(Path.GetDirectoryName(file)!);
        }

        if (Path.GetExtension(file) == ".py")
        {
            var cache = Path.Combine(Path.GetDirectoryName(file)!, "__pycache__");
            if (Directory.Exists(cache))
            {
                foreach (var compiled in Directory.EnumerateFiles(cache, Path.GetFileNameWithoutExtension(file) + ".*.pyc"))
                {
                    File.Delete(compiled);
                }

                emptied.Add(cache);
            }
        }
    }

    // Deepest first, and upwards from each, stopping at the first folder still in use, at site-packages and at the root.
    private static void PruneEmptyFolders(IEnumerable<string> folders, string runtimeRoot, string sitePackages)
    {
        foreach (var start in folders.OrderByDescending(f => f.Length))
        {
            for (var folder = start;
                 folder != runtimeRoot && folder != sitePackages && ArchivePaths.IsWithin(folder, runtimeRoot)
                 && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder)!)
            {
                Directory.Delete(folder);
            }
        }
    }
}
