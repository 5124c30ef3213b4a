using VenvStacks.Core.Archives.Extraction;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives;

/// <summary>
/// Extracts <c>.tar.gz</c>, <c>.tar.xz</c>, <c>.tar.zst</c>, <c>.tar</c> and <c>.zip</c> archives without trusting
/// them. Refused, with a VSTK40xx error naming the archive and the entry, before anything of the entry is written:
/// absolute names, drive letters, <c>..</c> components and entries below one of the archive's own links (VSTK4001);
/// symbolic links that are absolute or lead, at any step and through any chain of the archive's links, outside the
/// link boundary (VSTK4002); hard links to anything but an earlier file of the archive (VSTK4003, extracted as a
/// copy); devices, FIFOs and other special entries (VSTK4004). Everything is extracted into a hidden sibling folder
/// and renamed to the target when complete, so a refused, damaged or canceled archive leaves no target behind (and
/// an existing one untouched). On POSIX, permission bits are kept as stored without setuid/setgid/sticky or
/// group/other write, the owner can always read and write, and symbolic links are extracted as links.
/// </summary>
public static class SafeArchiveExtractor
{
    /// <summary>Extracts <paramref name="archivePath"/> into <paramref name="targetDirectory"/>.</summary>
    /// <param name="archivePath">The archive.</param>
    /// <param name="targetDirectory">The folder to create with the archive's entries.</param>
    /// <param name="options">Strip, link boundary, replacement, format.</param>
    /// <param name="cancellationToken">Checked for every entry and every 1 MiB of file data.</param>
    /// <exception cref="ArchiveException">A VSTK40xx error; the target is unchanged.</exception>
    /// <exception cref="OperationCanceledException">Canceled; the target is unchanged.</exception>
    public static async Task<ArchiveExtractResult> ExtractAsync(string archivePath, string targetDirectory, ArchiveExtractOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var archive = Path.GetFullPath(archivePath);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        var format = options.Format ?? ArchiveFormats.FromPath(archive);
        var boundary = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.LinkBoundary ?? target));
        Validate(archive, target, boundary, options);

        // Decompression and many small file writes: one pool thread, checking the token itself.
        return await Task.Run(() => Extract(archive, target, boundary, format, options, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(string archive, string target, string boundary, ArchiveExtractOptions options)
    {
        if (options.StripComponents < 0)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveInvalidRequest, archive, null, $"cannot strip {options.StripComponents} path components.");
        }

        if (!ArchivePaths.IsWithin(target, boundary))
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveInvalidRequest, archive, null, $"the link boundary '{boundary}' does not contain the target '{target}'.");
        }

        if (Path.GetDirectoryName(target) is null)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveInvalidRequest, archive, null, $"cannot extract into the root folder '{target}'.");
        }

        if (!File.Exists(archive))
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, archive, null, "the archive does not exist.");
        }

        if (!options.ReplaceExisting && (Directory.Exists(target) || File.Exists(target)))
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveTargetExists, archive, null, $"the target '{target}' already exists; remove it or ask for it to be replaced.");
        }
    }

    private static ArchiveExtractResult Extract(string archive, string target, string boundary, ArchiveFormat format, ArchiveExtractOptions options, CancellationToken cancellationToken)
    {
        var staging = TemporarySibling.PathFor(target);
        try
        {
            Directory.CreateDirectory(staging);
            var relativeTarget = Path.GetRelativePath(boundary, target);
            var targetFromBoundary = relativeTarget == "." ? [] : relativeTarget.Split(Path.DirectorySeparatorChar);
            var session = new ExtractionSession(archive, staging, options.StripComponents, targetFromBoundary);
            using (var source = ArchiveEntrySource.Open(archive, format))
            {
                while (source.ReadNext() is { } entry)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (options.Include?.Invoke(entry.Info) != false)
                    {
                        session.Apply(entry, cancellationToken);
                    }
                }
            }

            session.Finish();
            TemporarySibling.MoveIntoPlace(staging, target);
            return new ArchiveExtractResult(target, session.Entries, session.Bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveOutputFailed, archive, null, $"cannot extract into '{target}': {e.Message}", e);
        }
        finally
        {
            TemporarySibling.Delete(staging);
        }
    }
}
