using VenvStacks.Core.Archives;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// One runtime in the machine-wide cache: <c>{cache root}/runtimes/cpython-{version}-{platform}-{sha256 prefix}/</c>
/// holding the unpacked runtime in <c>python/</c> and <see cref="RuntimeCacheMarker"/> beside it, with the lock file
/// <c>{name}.lock</c> next to the folder. Named by the archive's sha256, so two tables pinning different builds of one
/// version never share an entry. The folder appears complete in one rename; staging folders are hidden siblings
/// (<c>.{name}.{random}.partial</c>) that only the lock holder creates, so any found while holding the lock were
/// left by a crash.
/// </summary>
internal sealed class RuntimeCacheEntry
{
    /// <summary>The runtime's folder inside an entry.</summary>
    public const string RuntimeFolderName = "python";

    private const string RuntimesFolderName = "runtimes";

    public RuntimeCacheEntry(string cacheRoot, RuntimeArchive archive, RuntimeLayout layout)
    {
        Archive = archive;
        Layout = layout;
        Name = $"cpython-{archive.Version}-{archive.Platform.Name}-{archive.Sha256![..16]}";
        var folder = Path.Combine(Path.GetFullPath(cacheRoot), RuntimesFolderName);
        Directory = Path.Combine(folder, Name);
        LockFile = Path.Combine(folder, Name + ".lock");
    }

    public RuntimeArchive Archive { get; }

    public RuntimeLayout Layout { get; }

    public string Name { get; }

    /// <summary>The entry folder.</summary>
    public string Directory { get; }

    /// <summary>The runtime inside it.</summary>
    public string RuntimeDirectory => Path.Combine(Directory, RuntimeFolderName);

    public string LockFile { get; }

    private string MarkerFile => Path.Combine(Directory, RuntimeCacheMarker.FileNameOnDisk);

    /// <summary>The marker of a complete entry for this archive, or null when the entry is missing or damaged.</summary>
    public RuntimeCacheMarker? TryReadComplete() =>
        RuntimeCacheMarker.TryRead(MarkerFile) is { } marker
        && marker.Sha256 == Archive.Sha256
        && File.Exists(Path.Combine(RuntimeDirectory, marker.Interpreter))
            ? marker
            : null;

    /// <summary>
    /// Removes what a crashed or interrupted preparation left: staging folders, and an entry folder without a valid
    /// marker (moved aside first, so a crash while deleting leaves only another staging folder). Call with the lock held.
    /// </summary>
    public void RemoveLeftovers()
    {
        var folder = Path.GetDirectoryName(Directory)!;
        foreach (var staging in System.IO.Directory.EnumerateDirectories(folder, $".{Name}.*.partial"))
        {
            TemporarySibling.Delete(staging);
        }

        if (System.IO.Directory.Exists(Directory) && TryReadComplete() is null)
        {
            var aside = TemporarySibling.PathFor(Directory);
            System.IO.Directory.Move(Directory, aside);
            TemporarySibling.Delete(aside);
        }
    }

    /// <summary>A fresh staging folder path (not created).</summary>
    public string NewStagingPath() => TemporarySibling.PathFor(Directory);

    /// <summary>Writes the marker into a finished staging folder and renames it into place. Call with the lock held.</summary>
    public void Commit(string staging, RuntimeCacheMarker marker)
    {
        File.WriteAllBytes(Path.Combine(staging, RuntimeCacheMarker.FileNameOnDisk), marker.ToJson());
        System.IO.Directory.Move(staging, Directory);
    }
}
