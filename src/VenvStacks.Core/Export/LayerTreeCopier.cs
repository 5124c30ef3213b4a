using System.Diagnostics;
using VenvStacks.Core.Deployment;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;

namespace VenvStacks.Core.Export;

/// <summary>
/// Copies a built layer folder for deployment (docs/venvstacks-reference.md §4.3 step 1, §5), leaving out what
/// <see cref="DeployedTreeFilter"/> excludes. Files become hard links to the build's files where the file system
/// allows (after the first refusal, for example another device, the rest are copied with their mode and time);
/// symbolic links are recreated with the same target text on POSIX, and copied as what they point to on Windows.
/// Hard-linked files share their bytes with the build tree: whatever later writes into the copy must replace files,
/// never write through them.
/// </summary>
internal sealed class LayerTreeCopier
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _layer;
    private readonly IProgress<ExportProgress>? _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReport;
    private bool _hardLinks = true;
    private long _files;
    private long _bytes;
    private long _linked;
    private long _copied;
    private long _symbolicLinks;
    private long _directories;

    public LayerTreeCopier(string layer, IProgress<ExportProgress>? progress)
    {
        _layer = layer;
        _progress = progress;
    }

    public LayerCopyStatistics Statistics => new(_files, _bytes, _linked, _copied, _symbolicLinks, _directories);

    /// <summary>Copies <paramref name="source"/> into the new folder <paramref name="target"/>.</summary>
    /// <exception cref="DeploymentException">VSTK4023: a POSIX target file system without symbolic links.</exception>
    public async Task CopyAsync(string source, string target, CancellationToken cancellationToken)
    {
        await CopyDirectoryAsync(source, target, topLevel: true, cancellationToken).ConfigureAwait(false);
        Report();
    }

    private async Task CopyDirectoryAsync(string source, string target, bool topLevel, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        FileSystemEntries.CopyMode(source, target);
        _directories++;
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DeployedTreeFilter.Excludes(entry.Name, topLevel))
            {
                continue;
            }

            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } linkTarget)
            {
                await CopyLinkAsync(entry, linkTarget, destination, cancellationToken).ConfigureAwait(false);
            }
            else if (entry is DirectoryInfo)
            {
                await CopyDirectoryAsync(entry.FullName, destination, topLevel: false, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await PlaceFileAsync(entry.FullName, destination, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CopyLinkAsync(FileSystemInfo link, string linkTarget, string destination, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows layers hold no links of their own; one made by hand is deployed as what it points to.
            var final = link.ResolveLinkTarget(returnFinalTarget: true);
            if (final is DirectoryInfo { Exists: true })
            {
                await CopyDirectoryAsync(final.FullName, destination, topLevel: false, cancellationToken).ConfigureAwait(false);
            }
            else if (final is { Exists: true })
            {
                await PlaceFileAsync(final.FullName, destination, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            File.CreateSymbolicLink(destination, linkTarget);
        }
        catch (IOException ex)
        {
            throw new DeploymentException(
                DiagnosticCodes.ExportWriteFailed,
                $"Cannot create the symbolic link {destination} -> {linkTarget} ({ex.Message}); layers for Linux and macOS need a file system with symbolic links",
                destination,
                ex);
        }

        _symbolicLinks++;
        Tick();
    }

    private async Task PlaceFileAsync(string source, string destination, CancellationToken cancellationToken)
    {
        if (_hardLinks)
        {
            try
            {
                HardLinks.Create(destination, source);
                _linked++;
                Count(source);
                return;
            }
            catch (IOException)
            {
                // Another device, a file system without hard links, or a protected file: copy from now on.
                _hardLinks = false;
            }
        }

        await FileSystemEntries.CopyContentAsync(source, destination, cancellationToken).ConfigureAwait(false);
        FileSystemEntries.CopyMode(source, destination);
        File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
        _copied++;
        Count(source);
    }

    private void Count(string file)
    {
        _files++;
        _bytes += new FileInfo(file).Length;
        Tick();
    }

    private void Tick()
    {
        if (_progress is not null && _clock.Elapsed - _lastReport >= ReportInterval)
        {
            Report();
        }
    }

    private void Report()
    {
        _lastReport = _clock.Elapsed;
        _progress?.Report(new ExportProgress(_layer, _files + _symbolicLinks, _bytes, _lastReport));
    }
}
