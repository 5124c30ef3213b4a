using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Installation;

/// <summary>
/// Installs wheel files (PEP 427/491) into an install scheme without running Python. Everything that can be checked
/// is checked before anything is written: the wheel's sha256 (when expected), entry names and types, the
/// <c>.dist-info</c> folder, <c>Wheel-Version</c>, the <c>.data</c> mapping and every file against its RECORD row.
/// Files are then streamed out of the archive (executable bits kept on POSIX, <c>#!python</c> lines of scripts
/// rewritten), followed by INSTALLER, optional REQUESTED and a RECORD in pip's form, written last.
/// </summary>
/// <remarks>
/// Several wheels may be installed into one environment concurrently: folders are created idempotently and a file
/// that already exists is replaced by an atomic rename, never written in place. Console-script launchers from
/// <c>entry_points.txt</c> are not generated and no bytecode is compiled.
/// </remarks>
public static class WheelInstaller
{
    /// <summary>Installs one wheel.</summary>
    /// <param name="wheelPath">The wheel file.</param>
    /// <param name="scheme">Where its parts go.</param>
    /// <param name="options">Installer name, expected hash, script interpreter line.</param>
    /// <param name="cancellationToken">Cancels the installation; files already written are removed.</param>
    /// <returns>The installed distribution and what was written.</returns>
    /// <exception cref="InstallationException">The wheel is invalid or unsafe (nothing was written), or writing
    /// failed (<see cref="InstallationErrorKind.FileSystemFailure"/>; what was created is removed).</exception>
    public static Task<WheelInstallResult> InstallAsync(string wheelPath, InstallScheme scheme, WheelInstallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(wheelPath);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.InstallerName);
        var shebangs = options.ScriptShebang is { } console ? new ScriptShebangs(CheckShebang(console), CheckShebang(options.GuiScriptShebang ?? console)) : null;

        // Decompression and file writes are synchronous work; keep them off the caller's thread.
        return Task.Run(() => Install(wheelPath, scheme, options, shebangs, cancellationToken), cancellationToken);
    }

    private static WheelInstallResult Install(string wheelPath, InstallScheme scheme, WheelInstallOptions options, ScriptShebangs? shebangs, CancellationToken cancellationToken)
    {
        var subject = options.FileName ?? Path.GetFileName(wheelPath);
        if (!WheelFileName.TryParse(subject, out var fileName))
        {
            throw InstallationException.ForSubject(InstallationErrorKind.InvalidWheelFile, subject, "is not a valid wheel file name");
        }

        using var stream = OpenWheel(wheelPath, subject);
        if (options.ExpectedSha256 is { } expected)
        {
            CheckSha256(stream, subject, expected);
        }

        using var archive = OpenArchive(stream, subject);
        var plan = WheelPlanner.Plan(archive, subject, fileName, scheme);
        var lengths = RecordVerifier.Verify(plan, cancellationToken);

        var warnings = new List<string>();
        if (plan.Wheel.WheelVersion.Minor > WheelFormatVersion.Supported.Minor && plan.Wheel.WheelVersion.Major == WheelFormatVersion.Supported.Major)
        {
            warnings.Add($"{subject}: Wheel-Version {plan.Wheel.WheelVersion} is newer than {WheelFormatVersion.Supported}; installed as {WheelFormatVersion.Supported}");
        }

        using var writer = new InstalledFileWriter();
        try
        {
            var files = Write(plan, lengths, options, shebangs, writer, cancellationToken);
            return new WheelInstallResult(
                new InstalledDistribution(plan.Metadata.Name, plan.Metadata.VersionText, plan.DistInfoDirectory),
                files,
                writer.BytesWritten,
                warnings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writer.Rollback();
            throw InstallationException.ForSubject(InstallationErrorKind.FileSystemFailure, subject, $"cannot be installed: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            writer.Rollback();
            throw InstallationException.ForSubject(InstallationErrorKind.InvalidWheelFile, subject, $"cannot be decompressed: {e.Message}", e);
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }

    private static List<string> Write(
        WheelPlan plan, long[] verifiedLengths, WheelInstallOptions options, ScriptShebangs? shebangs, InstalledFileWriter writer, CancellationToken cancellationToken)
    {
        // A RECORD left by an earlier installation would vouch for files while they are being replaced.
        var recordPath = Path.Combine(plan.DistInfoDirectory, "RECORD");
        if (File.Exists(recordPath))
        {
            File.Delete(recordPath);
        }

        var rows = new List<RecordEntry>(plan.Files.Count + 3);
        var files = new List<string>(plan.Files.Count + 3);
        for (var i = 0; i < plan.Files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = plan.Files[i];
            var rewrite = file.IsScript ? shebangs : null;
            using var hasher = rewrite is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var content = file.Entry.Open();
            var size = writer.Write(content, file.Row, verifiedLengths[i], file.Destination, file.Executable, rewrite, hasher, cancellationToken);

            // An unchanged file keeps the row the RECORD check accepted; a rewritten script is hashed anew.
            var hash = hasher is null ? file.Row.Hash : RecordHash.FromRawDigest(RecordHash.DefaultAlgorithm, hasher.GetHashAndReset());
            rows.Add(new RecordEntry(FileSystemPaths.ToRecordPath(plan.LibDirectory, file.Destination), hash, size));
            files.Add(file.Destination);
        }

        WriteGenerated(plan, "INSTALLER", Encoding.UTF8.GetBytes(options.InstallerName + "\n"), writer, rows, files);
        if (options.Requested)
        {
            WriteGenerated(plan, "REQUESTED", [], writer, rows, files);
        }

        rows.Add(new RecordEntry(FileSystemPaths.ToRecordPath(plan.LibDirectory, recordPath), null, null));

        // pip sorts the rows (Python string order); the RECORD goes last so that its presence means "complete".
        rows.Sort((left, right) => PythonStringComparer.Instance.Compare(left.Path, right.Path));
        writer.Write(recordPath, Encoding.UTF8.GetBytes(new RecordFile(rows).ToString()));
        files.Add(recordPath);
        return files;
    }

    private static void WriteGenerated(WheelPlan plan, string name, byte[] content, InstalledFileWriter writer, List<RecordEntry> rows, List<string> files)
    {
        var path = Path.Combine(plan.DistInfoDirectory, name);
        writer.Write(path, content);
        rows.Add(RecordEntry.ForContent(FileSystemPaths.ToRecordPath(plan.LibDirectory, path), content));
        files.Add(path);
    }

    private static FileStream OpenWheel(string wheelPath, string subject)
    {
        try
        {
            return new FileStream(wheelPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InstallationException.ForSubject(InstallationErrorKind.InvalidWheelFile, subject, $"cannot be read: {e.Message}", e);
        }
    }

    private static void CheckSha256(FileStream stream, string subject, string expected)
    {
        byte[] digest;
        try
        {
            digest = SHA256.HashData(stream);
            stream.Position = 0;
        }
        catch (IOException e)
        {
            throw InstallationException.ForSubject(InstallationErrorKind.InvalidWheelFile, subject, $"cannot be read: {e.Message}", e);
        }

        var actual = Convert.ToHexString(digest);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw InstallationException.ForSubject(
                InstallationErrorKind.WheelHashMismatch, subject, $"has sha256 {actual.ToLowerInvariant()}, expected {expected.ToLowerInvariant()}");
        }
    }

    private static ZipArchive OpenArchive(FileStream stream, string subject)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw InstallationException.ForSubject(InstallationErrorKind.InvalidWheelFile, subject, $"is not a valid zip archive: {e.Message}", e);
        }
    }

    private static string CheckShebang(string line)
    {
        if (!line.StartsWith("#!", StringComparison.Ordinal) || line.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"A script interpreter line must start with '#!' and be a single line: '{line}'", nameof(line));
        }

        return line;
    }
}
