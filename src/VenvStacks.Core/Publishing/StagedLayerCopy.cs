using VenvStacks.Core.Archives;
using VenvStacks.Core.Environments;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// A deployable copy of a POSIX layered layer, for the one case the archive writer cannot serve from the build tree:
/// a versioned runtime, whose deployed name must appear in the <c>bin/python_</c> link
/// (docs/venvstacks-reference.md §4.3 steps 1–2, as venvstacks always does it). The build tree is copied without
/// what <see cref="DeploymentExclusions"/> leaves out, links kept as links, then the entry points are rewritten with
/// deployed names. The copy lives in a hidden folder of the output folder and is removed on disposal.
/// </summary>
internal sealed class StagedLayerCopy : IDisposable
{
    private readonly string _root;

    private StagedLayerCopy(string root, string environmentPath)
    {
        _root = root;
        EnvironmentPath = environmentPath;
    }

    /// <summary>The deployable copy, a folder named after the layer's install target.</summary>
    public string EnvironmentPath { get; }

    public static async Task<StagedLayerCopy> CreateAsync(LayerEnvironmentPlan plan, string outputDirectory, CancellationToken cancellationToken)
    {
        var root = Path.Combine(outputDirectory, $".{plan.Layer.InstallTarget}.{Guid.NewGuid().ToString("N")[..8]}.staging");
        var staged = new StagedLayerCopy(root, Path.Combine(root, plan.Layer.InstallTarget));
        try
        {
            CopyDirectory(plan.Layer.EnvironmentPath, staged.EnvironmentPath, string.Empty, cancellationToken);
            await PosixPythonLinks.WriteForDeploymentAsync(plan, staged.EnvironmentPath, cancellationToken).ConfigureAwait(false);
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden leftover does no harm; the publish result matters more than its clean-up.
        }
    }

    private static void CopyDirectory(string source, string destination, string relativeDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relativePath = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
            var target = Path.Combine(destination, entry.Name);
            var kind = entry.LinkTarget is not null ? ArchiveEntryKind.SymbolicLink
                : entry is DirectoryInfo ? ArchiveEntryKind.Directory
                : ArchiveEntryKind.File;
            if (!DeploymentExclusions.Includes(new ArchiveSourceItem(relativePath, kind)))
            {
                continue;
            }

            switch (kind)
            {
                case ArchiveEntryKind.SymbolicLink:
                    File.CreateSymbolicLink(target, entry.LinkTarget!);
                    break;
                case ArchiveEntryKind.Directory:
                    CopyDirectory(entry.FullName, target, relativePath, cancellationToken);
                    break;
                case ArchiveEntryKind.File when ((FileInfo)entry).Length == 0:
                    // Not read: a zero-length entry may be a FIFO or device, whose reading would block. Created empty instead.
                    File.Create(target).Dispose();
                    CopyMode(entry.FullName, target);
                    break;
                default:
                    // File.Copy keeps the permission bits on Unix, and with them the executable bit archives store.
                    File.Copy(entry.FullName, target);
                    break;
            }
        }
    }

    private static void CopyMode(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
    }
}
