using System.Security.Cryptography;
using VenvStacks.Core.Archives.Writing;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives;

/// <summary>
/// Writes layer archives whose bytes depend only on the archived tree's names, contents, executable bits and link
/// targets (docs/venvstacks-reference.md §4.4, improved as §11.5 suggests): every entry's time is set to the
/// request's timestamp, owners are <c>root</c>, modes are canonical, entries are in name order, nothing of the file
/// system's history (atime, ctime, inode numbers, hard links) is stored. Tar formats are written the way CPython's
/// tarfile writes them; xz and zstd compress on several threads with output that does not depend on the thread
/// count. The whole write streams: memory stays bounded by fixed buffers (plus, for zip, one small central-directory
/// record per entry). The archive is written to a hidden sibling file and renamed into place when complete, so a
/// failed or canceled write leaves no partial output and an existing archive untouched.
/// </summary>
public static class ReproducibleArchiveWriter
{
    /// <summary>Writes the archive a request describes.</summary>
    /// <param name="request">What to archive, where, and how.</param>
    /// <param name="progress">Receives progress about every 100 ms and once at the end; may be null.</param>
    /// <param name="cancellationToken">Checked for every entry and every compressed block.</param>
    /// <returns>The archive's path, size and SHA-256.</returns>
    /// <exception cref="ArchiveException">A VSTK40xx error: invalid request, unreadable source, liblzma missing, ...</exception>
    /// <exception cref="OperationCanceledException">The write was canceled; nothing was left behind.</exception>
    public static async Task<ArchiveWriteResult> WriteAsync(ArchiveWriteRequest request, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outputPath = Path.GetFullPath(request.OutputPath);
        ArchiveWriteValidation.Validate(request, outputPath);

        // The work is CPU-bound compression fed by one reader; it runs on one pool thread, checking the token itself.
        return await Task.Run(() => Write(request, outputPath, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static ArchiveWriteResult Write(ArchiveWriteRequest request, string outputPath, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveOutputFailed, outputPath, null, $"cannot create the output folder: {e.Message}", e);
        }

        var temporary = TemporarySibling.PathFor(outputPath);
        var walker = new SourceTreeWalker(Path.GetFullPath(request.SourceDirectory), request.Include, request.ExtraFiles, outputPath);
        long entries = 0;
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                IArchiveEntryWriter? writer = null;
                var throttle = new ProgressThrottle(progress, () => (writer?.BytesIn ?? 0, file.Position, entries));
                void OnBlock()
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throttle.Tick();
                }

                using var sink = ArchiveSink.Create(request, file, outputPath, OnBlock);
                writer = sink.Writer;
                var order = request.Format == ArchiveFormat.Zip ? ArchiveOrder.DirectoriesThenFiles : ArchiveOrder.DepthFirst;
                foreach (var item in walker.Walk(order))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Add(writer, item, outputPath);
                    entries++;
                    throttle.Tick();
                }

                sink.Complete();
                throttle.Report();
            }

            var (size, sha256) = Digest(temporary);
            File.Move(temporary, outputPath, overwrite: true);
            return new ArchiveWriteResult(outputPath, size, sha256, entries, walker.Warnings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveOutputFailed, outputPath, null, $"cannot write the archive: {e.Message}", e);
        }
        catch (ZstdSharp.ZstdException e)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveCompressionFailed, outputPath, null, $"zstd failed: {e.Message}", e);
        }
        finally
        {
            TemporarySibling.Delete(temporary);
        }
    }

    private static void Add(IArchiveEntryWriter writer, ArchiveItem item, string outputPath)
    {
        switch (item.Kind)
        {
            case ArchiveEntryKind.Directory:
                writer.AddDirectory(item.RelativePath);
                break;
            case ArchiveEntryKind.SymbolicLink:
                writer.AddSymbolicLink(item.RelativePath, item.LinkTarget!);
                break;
            default:
                using (var data = ArchiveFileData.Open(item, outputPath))
                {
                    writer.AddFile(item.RelativePath, data, item.Executable);
                }

                break;
        }
    }

    private static (long Size, string Sha256) Digest(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return (stream.Length, Convert.ToHexString(hash).ToLowerInvariant());
    }
}
