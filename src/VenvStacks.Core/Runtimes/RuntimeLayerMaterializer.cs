using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Puts a cached runtime (<see cref="ProvidedRuntime.Directory"/>) into a runtime layer's build folder
/// (docs/venvstacks-reference.md §3.1: a runtime layer is the archive's content plus what is installed into it).
/// Files become hard links to the cache's when both are on one file system, copies otherwise; symbolic links are
/// recreated with their original (relative) targets; permission bits — exec bits above all — and modification times
/// are kept. The layer appears complete in one rename of a hidden sibling folder, so an interrupted copy leaves no
/// layer folder behind.
/// </summary>
/// <remarks>
/// A hard-linked file IS the cache's file: later build steps must replace files in the layer (write a new file and
/// rename it over the old, or delete first) and never write into one in place, or they would change the runtime of
/// every build on the machine. New files (installed packages, <c>__pycache__</c>) are the layer's own, since folders
/// are always created, never linked.
/// </remarks>
public static class RuntimeLayerMaterializer
{
    /// <summary>Copies <paramref name="runtimeDirectory"/> to <paramref name="layerDirectory"/>.</summary>
    /// <param name="runtimeDirectory">The cached runtime.</param>
    /// <param name="layerDirectory">The layer folder to create.</param>
    /// <param name="options">Hard links, replacement; null for <see cref="RuntimeMaterializeOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked for every file; canceling leaves the layer folder as it was.</param>
    /// <exception cref="RuntimeException">VSTK3016: the runtime folder is missing, the layer folder exists (without
    /// <see cref="RuntimeMaterializeOptions.ReplaceExisting"/>), or a file cannot be read or written.</exception>
    public static Task<RuntimeMaterialization> MaterializeAsync(
        string runtimeDirectory,
        string layerDirectory,
        RuntimeMaterializeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(layerDirectory);
        options ??= RuntimeMaterializeOptions.Default;
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(runtimeDirectory));
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(layerDirectory));
        if (!Directory.Exists(source))
        {
            throw Failure($"the runtime {source} does not exist.", null);
        }

        if (ArchivePaths.IsWithin(target, source) || ArchivePaths.IsWithin(source, target))
        {
            throw Failure($"the layer folder {target} and the runtime {source} overlap.", null);
        }

        if (!options.ReplaceExisting && (Directory.Exists(target) || File.Exists(target)))
        {
            throw Failure($"the layer folder {target} already exists.", null);
        }

        // Many small file operations: one pool thread, checking the token itself.
        return Task.Run(() => Materialize(source, target, options, cancellationToken), cancellationToken);
    }

    private static RuntimeMaterialization Materialize(string source, string target, RuntimeMaterializeOptions options, CancellationToken cancellationToken)
    {
        var staging = TemporarySibling.PathFor(target);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var copy = new TreeCopy(options.HardLinks, cancellationToken);
            copy.CopyFolder(new DirectoryInfo(source), staging);
            cancellationToken.ThrowIfCancellationRequested();
            TemporarySibling.MoveIntoPlace(staging, target);
            return new RuntimeMaterialization(target, copy.Linked, copy.Copied, copy.SymbolicLinks, copy.Folders - 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure($"{source} cannot be copied to {target}: {e.Message}", e);
        }
        finally
        {
            TemporarySibling.Delete(staging);
        }
    }

    private static RuntimeException Failure(string detail, Exception? inner) =>
        new(DiagnosticCodes.RuntimeLayerCopyFailed, "Cannot create the runtime layer: " + detail, null, inner);

    private sealed class TreeCopy(bool hardLinks, CancellationToken cancellationToken)
    {
        // Cleared at the first refusal: the reasons (another volume, no support, not permitted) hold for every file.
        private bool _tryLinks = hardLinks;

        public int Linked { get; private set; }

        public int Copied { get; private set; }

        public int SymbolicLinks { get; private set; }

        public int Folders { get; private set; }

        public void CopyFolder(DirectoryInfo folder, string destination)
        {
            Directory.CreateDirectory(destination);
            Folders++;
            foreach (var item in folder.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(destination, item.Name);
                if (item.LinkTarget is { } linkTarget)
                {
                    CreateSymbolicLink(item, path, linkTarget);
                }
                else if (item is DirectoryInfo child)
                {
                    CopyFolder(child, path);
                }
                else
                {
                    CopyFile((FileInfo)item, path);
                }
            }

            // Last, so a folder without owner write permission can still be filled first.
            KeepMode(folder, destination);
        }

        private void CreateSymbolicLink(FileSystemInfo link, string path, string linkTarget)
        {
            // Windows keeps file and folder links apart; the original's kind decides.
            if (link is DirectoryInfo)
            {
                Directory.CreateSymbolicLink(path, linkTarget);
            }
            else
            {
                File.CreateSymbolicLink(path, linkTarget);
            }

            SymbolicLinks++;
        }

        private void CopyFile(FileInfo file, string path)
        {
            if (_tryLinks && HardLink.TryCreate(file.FullName, path))
            {
                Linked++;
                return;
            }

            _tryLinks = false;
            file.CopyTo(path);
            KeepMode(file, path);
            File.SetLastWriteTimeUtc(path, file.LastWriteTimeUtc);
            Copied++;
        }

        private static void KeepMode(FileSystemInfo original, string path)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, original.UnixFileMode);
            }
        }
    }
}
