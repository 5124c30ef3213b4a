namespace VenvStacks.Packaging.Installation;

/// <summary>
/// Removes an installed distribution as its RECORD describes it (PEP 376/627): every listed file, the bytecode
/// compiled from listed <c>.py</c> files in <c>__pycache__</c>, the <c>.dist-info</c> folder, then every folder left
/// empty up to (not including) the scheme folders. Nothing is deleted when any RECORD path leads outside the environment.
/// </summary>
public static class DistributionUninstaller
{
    private const string BytecodeFolder = "__pycache__";

    /// <summary>Uninstalls <paramref name="distribution"/>.</summary>
    /// <param name="distribution">The installed distribution.</param>
    /// <param name="scheme">The environment's scheme: its folders are never removed, even when left empty.</param>
    /// <param name="environmentRoot">The environment folder; every RECORD path must lead inside it.</param>
    /// <param name="cancellationToken">Cancels before deleting starts.</param>
    /// <returns>What was removed.</returns>
    /// <exception cref="InstallationException"><see cref="InstallationErrorKind.InstalledRecordInvalid"/> (no usable
    /// RECORD), <see cref="InstallationErrorKind.RecordPathOutsideEnvironment"/> (nothing deleted) or
    /// <see cref="InstallationErrorKind.FileSystemFailure"/>.</exception>
    public static async Task<UninstallResult> UninstallAsync(
        InstalledDistribution distribution, InstallScheme scheme, string environmentRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentException.ThrowIfNullOrEmpty(environmentRoot);
        var root = Path.GetFullPath(environmentRoot);
        var subject = distribution.DistInfoName;
        if (!FileSystemPaths.IsStrictlyInside(distribution.DistInfoDirectory, root))
        {
            throw InstallationException.ForSubject(InstallationErrorKind.RecordPathOutsideEnvironment, subject, $"is not inside the environment {root}");
        }

        var record = await distribution.ReadRecordAsync(cancellationToken).ConfigureAwait(false);
        var paths = new List<string>(record.Entries.Count);
        foreach (var entry in record.Entries)
        {
            var path = FileSystemPaths.FromRecordPath(distribution.SiteDirectory, entry.Path);
            if (!FileSystemPaths.IsStrictlyInside(path, root))
            {
                throw InstallationException.ForEntry(
                    InstallationErrorKind.RecordPathOutsideEnvironment, subject, entry.Path, $"leads outside the environment {root}; nothing was uninstalled");
            }

            paths.Add(path);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await Task.Run(() => Remove(distribution, paths, scheme.Roots, root), CancellationToken.None).ConfigureAwait(false);
    }

    private static UninstallResult Remove(InstalledDistribution distribution, List<string> paths, IReadOnlyList<string> schemeRoots, string root)
    {
        var removed = new List<string>(paths.Count);
        var touched = new HashSet<string>(FileSystemPaths.Comparer);
        var modules = new Dictionary<string, HashSet<string>>(FileSystemPaths.Comparer);
        try
        {
            foreach (var path in paths)
            {
                // Folders are never listed by installers; one that is is left to the empty-folder sweep.
                if (!File.Exists(path) && !IsLink(path))
                {
                    continue;
                }

                try
                {
                    File.Delete(path);
                }
                catch (DirectoryNotFoundException)
                {
                    // Its folder is gone already (a concurrent uninstallation emptied and removed it), so is the file.
                }

                removed.Add(path);
                var folder = Path.GetDirectoryName(path)!;
                touched.Add(folder);
                if (path.EndsWith(".py", StringComparison.Ordinal))
                {
                    GetOrAdd(modules, folder).Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            foreach (var (folder, stems) in modules)
            {
                RemoveBytecode(Path.Combine(folder, BytecodeFolder), stems, removed, touched);
            }

            if (Directory.Exists(distribution.DistInfoDirectory))
            {
                removed.AddRange(Directory.EnumerateFiles(distribution.DistInfoDirectory, "*", SearchOption.AllDirectories));
                Directory.Delete(distribution.DistInfoDirectory, recursive: true);
            }

            return new UninstallResult(distribution, removed, RemoveEmptyFolders(touched, schemeRoots, root));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InstallationException.ForSubject(
                InstallationErrorKind.FileSystemFailure, distribution.DistInfoName, $"cannot be fully uninstalled: {e.Message}", e);
        }
    }

    // Bytecode of "mod.py" is "__pycache__/mod.<tag>[.opt-N].pyc" (PEP 3147/488).
    private static void RemoveBytecode(string cache, HashSet<string> stems, List<string> removed, HashSet<string> touched)
    {
        if (!Directory.Exists(cache))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(cache, "*.pyc").ToList())
        {
            var name = Path.GetFileName(file);
            if (stems.Contains(name[..name.IndexOf('.', StringComparison.Ordinal)]))
            {
                File.Delete(file);
                removed.Add(file);
                touched.Add(cache);
            }
        }
    }

    private static int RemoveEmptyFolders(HashSet<string> touched, IReadOnlyList<string> schemeRoots, string root)
    {
        var count = 0;
        foreach (var start in touched.OrderByDescending(f => f.Length))
        {
            for (var folder = start; folder is not null && CanRemove(folder, schemeRoots, root); folder = Path.GetDirectoryName(folder))
            {
                // Installations and uninstallations may run at the same time in one environment: a folder that another
                // uninstallation removed first is fine, and one that an installation has just written into stays.
                try
                {
                    if (Directory.EnumerateFileSystemEntries(folder).Any())
                    {
                        break;
                    }

                    Directory.Delete(folder);
                    count++;
                }
                catch (DirectoryNotFoundException)
                {
                    continue;
                }
                catch (IOException) when (Directory.Exists(folder))
                {
                    break;
                }
            }
        }

        return count;
    }

    private static bool CanRemove(string folder, IReadOnlyList<string> schemeRoots, string root) =>
        FileSystemPaths.IsStrictlyInside(folder, root) && !schemeRoots.Any(kept => FileSystemPaths.AreSame(folder, kept));

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static HashSet<string> GetOrAdd(Dictionary<string, HashSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            map[key] = set;
        }

        return set;
    }
}
