using VenvStacks.Core.Archives.Extraction;

namespace VenvStacks.Core.Archives;

/// <summary>Lists an archive's entries as stored, without extracting or judging them (tests, diagnostics).</summary>
public static class ArchiveReader
{
    /// <summary>The entries of <paramref name="archivePath"/> in stored order.</summary>
    /// <param name="archivePath">The archive.</param>
    /// <param name="format">Its format; null takes it from the extension.</param>
    /// <param name="cancellationToken">Checked for every entry.</param>
    /// <exception cref="ArchiveException">VSTK4005 when it is damaged, VSTK4006 for an unknown extension.</exception>
    public static async Task<IReadOnlyList<ArchiveEntryInfo>> ListAsync(string archivePath, ArchiveFormat? format, CancellationToken cancellationToken)
    {
        var archive = Path.GetFullPath(archivePath);
        var resolved = format ?? ArchiveFormats.FromPath(archive);
        return await Task.Run(
            () =>
            {
                var entries = new List<ArchiveEntryInfo>();
                using var source = ArchiveEntrySource.Open(archive, resolved);
                while (source.ReadNext() is { } entry)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    entries.Add(entry.Info);
                }

                return (IReadOnlyList<ArchiveEntryInfo>)entries;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
