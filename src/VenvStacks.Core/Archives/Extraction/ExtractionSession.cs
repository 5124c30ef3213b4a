using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives.Extraction;

/// <summary>
/// Extracts entries into a staging folder, refusing each unsafe entry before anything of it is written. Symbolic
/// links are only recorded while entries are read and created at the end, once every link of the archive is known and
/// has been followed to its final place: no file is ever written through a link, and a link whose meaning depends on a
/// later one is judged by what it will really point at.
/// </summary>
internal sealed class ExtractionSession
{
    private const int DirectoryModeFloor = 0b111_000_000;
    private const int FileModeFloor = 0b110_000_000;
    private const int PermissionMask = 0b111_101_101;
    private const int CopyChunk = 1 << 20;

    private readonly string _archivePath;
    private readonly string _staging;
    private readonly int _strip;
    private readonly LinkResolver _links;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linkEntryNames = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Mode, DateTimeOffset Time)> _directories = [];

    /// <param name="archivePath">The archive, for messages.</param>
    /// <param name="staging">The empty folder entries go into.</param>
    /// <param name="strip">Leading components to drop.</param>
    /// <param name="targetFromBoundary">The final folder's components below the link boundary.</param>
    public ExtractionSession(string archivePath, string staging, int strip, string[] targetFromBoundary)
    {
        _archivePath = archivePath;
        _staging = staging;
        _strip = strip;
        _links = new LinkResolver(targetFromBoundary);
    }

    public long Entries { get; private set; }

    public long Bytes { get; private set; }

    public void Apply(ArchiveReadEntry entry, CancellationToken cancellationToken)
    {
        var info = entry.Info;
        var components = EntryPathRules.Split(_archivePath, info.Name, info.Name);
        if (components.Length <= _strip)
        {
            return;
        }

        var relative = components[_strip..];
        var relativePath = string.Join('/', relative);
        RefuseBelowLink(info.Name, relative);
        var path = StagingPath(relative);
        try
        {
            switch (info.Kind)
            {
                case ArchiveEntryKind.Directory:
                    _links.Remove(relativePath);
                    Directory.CreateDirectory(path);
                    _directories.Add((path, (info.Mode & PermissionMask) | DirectoryModeFloor, info.ModificationTime));
                    break;
                case ArchiveEntryKind.File:
                    _links.Remove(relativePath);
                    WriteFile(path, entry.Data ?? Stream.Null, info, cancellationToken);
                    _files[relativePath] = path;
                    break;
                case ArchiveEntryKind.HardLink:
                    _links.Remove(relativePath);
                    CopyHardLink(path, info);
                    _files[relativePath] = path;
                    break;
                case ArchiveEntryKind.SymbolicLink:
                    RecordSymbolicLink(path, relativePath, info);
                    break;
                default:
                    throw new ArchiveException(
                        DiagnosticCodes.ArchiveSpecialEntry,
                        _archivePath,
                        info.Name,
                        $"it is a {info.Kind} entry; only files, directories and links are extracted.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveOutputFailed, _archivePath, info.Name, $"cannot be written to '{path}': {e.Message}", e);
        }

        Entries++;
    }

    /// <summary>Checks every link against the complete set, creates them, then sets directory modes and times.</summary>
    public void Finish()
    {
        var links = _links.Links.ToList();
        foreach (var (relativePath, target) in links)
        {
            if (_links.Escape(relativePath, target) is { } reason)
            {
                throw new ArchiveException(DiagnosticCodes.ArchiveLinkEscapes, _archivePath, _linkEntryNames[relativePath], reason);
            }
        }

        foreach (var (relativePath, target) in links)
        {
            var path = StagingPath(relativePath.Split('/'));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                var native = target.Replace('/', Path.DirectorySeparatorChar);
                if (OperatingSystem.IsWindows() && Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, native)))
                {
                    Directory.CreateSymbolicLink(path, native);
                }
                else
                {
                    File.CreateSymbolicLink(path, native);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArchiveException(DiagnosticCodes.ArchiveOutputFailed, _archivePath, _linkEntryNames[relativePath], $"the symbolic link cannot be created: {e.Message}", e);
            }
        }

        // Deepest first, so that setting a folder's time is not undone by changes inside it.
        for (var i = _directories.Count - 1; i >= 0; i--)
        {
            var (path, mode, time) = _directories[i];
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)mode);
            }

            Directory.SetLastWriteTimeUtc(path, time.UtcDateTime);
        }
    }

    private void RefuseBelowLink(string entryName, string[] relative)
    {
        for (var depth = 1; depth < relative.Length; depth++)
        {
            var prefix = string.Join('/', relative[..depth]);
            if (_links.ContainsIgnoringCase(prefix))
            {
                throw new ArchiveException(
                    DiagnosticCodes.ArchiveUnsafeEntryPath,
                    _archivePath,
                    entryName,
                    $"it lies below '{prefix}', a symbolic link of this archive; it would be written wherever the link points.");
            }
        }
    }

    private void WriteFile(string path, Stream data, ArchiveEntryInfo info, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyChunk);
        try
        {
            int read;
            while ((read = ReadData(data, buffer, info.Name)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                file.Write(buffer, 0, read);
                Bytes += read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        SetFileMetadata(file, info);
    }

    private int ReadData(Stream data, byte[] buffer, string entryName)
    {
        try
        {
            return data.Read(buffer, 0, buffer.Length);
        }
        catch (Exception e) when (ArchiveEntrySource.IsCorruption(e))
        {
            throw ArchiveEntrySource.Corrupt(_archivePath, entryName, e);
        }
    }

    private void CopyHardLink(string path, ArchiveEntryInfo info)
    {
        // A hard link names an earlier member of the same archive; it is extracted as a copy of that file.
        var target = info.LinkTarget ?? string.Empty;
        var components = EntryPathRules.SplitTarget(target).Where(c => c != ".").ToArray();
        var targetPath = EntryPathRules.Unsafe(target) is null && !components.Contains("..") && components.Length > _strip
            ? string.Join('/', components[_strip..])
            : null;
        if (targetPath is null || !_files.TryGetValue(targetPath, out var source))
        {
            throw new ArchiveException(
                DiagnosticCodes.ArchiveInvalidHardLink,
                _archivePath,
                info.Name,
                $"its target '{target}' is not a file extracted before it from this archive.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0);
        SetFileMetadata(file, info);
    }

    private void RecordSymbolicLink(string path, string relativePath, ArchiveEntryInfo info)
    {
        var target = info.LinkTarget ?? string.Empty;
        if (EntryPathRules.Unsafe(target) is { } reason)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveLinkEscapes, _archivePath, info.Name, "the link target " + reason);
        }

        // Judged now against the links seen so far, so most bad links stop extraction at once; Finish judges again.
        if (_links.Escape(relativePath, target) is { } escape)
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveLinkEscapes, _archivePath, info.Name, escape);
        }

        if (Directory.Exists(path))
        {
            throw new ArchiveException(
                DiagnosticCodes.ArchiveUnsafeEntryPath,
                _archivePath,
                info.Name,
                "a symbolic link would replace a directory extracted before it.");
        }

        _files.Remove(relativePath);
        _links.Add(relativePath, target);
        _linkEntryNames[relativePath] = info.Name;
    }

    private static void SetFileMetadata(FileStream file, ArchiveEntryInfo info)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.SafeFileHandle, (UnixFileMode)((info.Mode & PermissionMask) | FileModeFloor));
        }

        File.SetLastWriteTimeUtc(file.SafeFileHandle, info.ModificationTime.UtcDateTime);
    }

    private string StagingPath(string[] relative) => Path.Combine([_staging, .. relative]);
}
