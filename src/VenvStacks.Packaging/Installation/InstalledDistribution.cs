using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Installation;

/// <summary>
/// A distribution installed in a site folder: its <c>{name}-{version}.dist-info</c> folder, with the name and version
/// its METADATA gives (or, when METADATA is missing or unreadable, the folder name).
/// </summary>
/// <param name="Name">The project name as written.</param>
/// <param name="Version">The version as written.</param>
/// <param name="DistInfoDirectory">The full path of the <c>.dist-info</c> folder.</param>
public sealed record InstalledDistribution(string Name, string Version, string DistInfoDirectory)
{
    private const string DistInfoPattern = "*.dist-info";

    /// <summary>The folder that holds the <c>.dist-info</c> folder; RECORD paths are relative to it.</summary>
    public string SiteDirectory => Path.GetDirectoryName(DistInfoDirectory)!;

    /// <summary>The <see cref="Name"/> normalised per PEP 503.</summary>
    public NormalizedName NormalizedName => NormalizedName.From(Name);

    /// <summary>The full path of the RECORD file.</summary>
    public string RecordPath => Path.Combine(DistInfoDirectory, "RECORD");

    /// <summary>The <c>.dist-info</c> folder name, e.g. <c>pip-23.2.1.dist-info</c>.</summary>
    public string DistInfoName => Path.GetFileName(DistInfoDirectory);

    /// <summary>Every distribution installed in <paramref name="siteDirectory"/>, ordered by normalised name; an empty
    /// list when the folder does not exist.</summary>
    /// <param name="siteDirectory">A site folder (e.g. a <c>site-packages</c>).</param>
    /// <returns>The distributions.</returns>
    public static IReadOnlyList<InstalledDistribution> Enumerate(string siteDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteDirectory);
        if (!Directory.Exists(siteDirectory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Path.GetFullPath(siteDirectory), DistInfoPattern)
            .Select(Read)
            .OfType<InstalledDistribution>()
            .OrderBy(d => d.NormalizedName.Value, StringComparer.Ordinal)
            .ThenBy(d => d.DistInfoDirectory, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads the distribution of one <c>.dist-info</c> folder.</summary>
    /// <param name="distInfoDirectory">The folder.</param>
    /// <returns>The distribution, or null when neither METADATA nor the folder name give a name and version.</returns>
    public static InstalledDistribution? Read(string distInfoDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(distInfoDirectory);
        var full = Path.GetFullPath(distInfoDirectory);
        try
        {
            var metadata = DistributionMetadata.Parse(File.ReadAllBytes(Path.Combine(full, "METADATA")));
            return new InstalledDistribution(metadata.Name, metadata.VersionText, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PackagingFormatException)
        {
            // pip falls back on the folder name too: "{name}-{version}.dist-info".
            var stem = Path.GetFileName(full);
            stem = stem[..stem.LastIndexOf('.')];
            var dash = stem.IndexOf('-', StringComparison.Ordinal);
            return dash > 0 && dash < stem.Length - 1 ? new InstalledDistribution(stem[..dash], stem[(dash + 1)..], full) : null;
        }
    }

    /// <summary>Parses <see cref="Version"/> as a PEP 440 version; null when it is not one.</summary>
    public Pep440.Version? ParseVersion() => Pep440.Version.TryParse(Version, out var version) ? version : null;

    /// <summary>Reads the RECORD file.</summary>
    /// <exception cref="InstallationException"><see cref="InstallationErrorKind.InstalledRecordInvalid"/>: RECORD is
    /// missing or cannot be parsed.</exception>
    public async Task<RecordFile> ReadRecordAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var stream = new FileStream(RecordPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return await RecordFile.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InstallationException.ForSubject(InstallationErrorKind.InstalledRecordInvalid, DistInfoName, $"has no readable RECORD ({e.Message})", e);
        }
        catch (PackagingFormatException e)
        {
            throw InstallationException.ForSubject(InstallationErrorKind.InstalledRecordInvalid, DistInfoName, $"has an invalid RECORD: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether the installation is complete: RECORD exists and parses, and every file it lists exists with the size
    /// it records. Contents are not hashed, so this is cheap enough to run on every build.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True when every recorded file is present with its recorded size.</returns>
    public async Task<bool> IsIntactAsync(CancellationToken cancellationToken = default)
    {
        RecordFile record;
        try
        {
            record = await ReadRecordAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InstallationException)
        {
            return false;
        }

        var site = SiteDirectory;
        foreach (var entry in record.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(FileSystemPaths.FromRecordPath(site, entry.Path));
            if (!file.Exists || (entry.Size is { } size && file.Length != size))
            {
                return false;
            }
        }

        return true;
    }
}
