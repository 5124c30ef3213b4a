using System.IO.Compression;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Wheels;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Installation;

/// <summary>
/// Validates a wheel archive without writing anything and maps its files onto an install scheme: entry names, links
/// and duplicates, the <c>.dist-info</c> folder (one, named for the wheel's project and version), WHEEL
/// (<c>Wheel-Version</c> major 1), METADATA, RECORD (a row with a verifiable hash for every file), the <c>.data</c>
/// subfolders (PEP 427), and that every destination stays inside the scheme folder it maps to.
/// </summary>
internal static class WheelPlanner
{
    private const string DistInfoSuffix = ".dist-info";
    private const long MaxMetadataFileLength = 64L * 1024 * 1024;

    // RECORD cannot list its own hash; signatures of RECORD are not installed (PEP 427).
    private static readonly string[] UnrecordedDistInfoFiles = ["RECORD", "RECORD.jws", "RECORD.p7s"];

    /// <summary>Plans the installation of <paramref name="archive"/>.</summary>
    /// <exception cref="InstallationException">The wheel is unsafe or inconsistent.</exception>
    public static WheelPlan Plan(ZipArchive archive, string subject, WheelFileName fileName, InstallScheme scheme)
    {
        var files = CheckEntries(archive, subject);
        var distInfo = FindDistInfo(archive, subject, fileName);
        var wheel = Parse(archive, subject, distInfo, "WHEEL", InstallationErrorKind.InvalidDistInfo, bytes => WheelInfo.Parse(bytes));
        if (wheel.WheelVersion.Major > WheelFormatVersion.Supported.Major)
        {
            throw InstallationException.ForSubject(
                InstallationErrorKind.UnsupportedWheelVersion,
                subject,
                $"Wheel-Version {wheel.WheelVersion} is not supported (this installer reads version {WheelFormatVersion.Supported.Major}.x)");
        }

        var metadata = Parse(archive, subject, distInfo, "METADATA", InstallationErrorKind.InvalidDistInfo, bytes => DistributionMetadata.Parse(bytes));
        if (metadata.NormalizedName.Value != fileName.Name || !metadata.Version.Equals(fileName.Version))
        {
            throw InstallationException.ForEntry(
                InstallationErrorKind.InvalidDistInfo,
                subject,
                $"{distInfo}/METADATA",
                $"describes {metadata.Name} {metadata.VersionText}, not the project and version of the file name");
        }

        var record = Parse(archive, subject, distInfo, "RECORD", InstallationErrorKind.InvalidRecord, bytes => RecordFile.Parse(bytes));
        var rows = new Dictionary<string, RecordEntry>(StringComparer.Ordinal);
        foreach (var row in record.Entries)
        {
            rows.TryAdd(row.Path, row);
        }

        var libDirectory = Path.GetFullPath(scheme.RootFor(wheel.RootIsPurelib));
        var mapper = new EntryMapper(subject, distInfo[..^DistInfoSuffix.Length] + ".data/", libDirectory, scheme, metadata.Name);
        var destinations = new Dictionary<string, string>(FileSystemPaths.Comparer);
        var planned = new List<PlannedFile>(files.Count);
        foreach (var entry in files)
        {
            var name = entry.FullName;
            if (IsUnrecordedDistInfoFile(name, distInfo))
            {
                continue;
            }

            if (!rows.TryGetValue(name, out var row))
            {
                throw InstallationException.ForEntry(InstallationErrorKind.FileNotInRecord, subject, name, "is not listed in RECORD");
            }

            if (row.Hash is null)
            {
                throw InstallationException.ForEntry(InstallationErrorKind.UnverifiableRecordEntry, subject, name, "has no hash in RECORD");
            }

            if (!row.Hash.IsSupportedAlgorithm)
            {
                throw InstallationException.ForEntry(
                    InstallationErrorKind.UnverifiableRecordEntry, subject, name, $"has a '{row.Hash.Algorithm}' hash in RECORD (sha256, sha384 or sha512 required)");
            }

            var (destination, isScript) = mapper.Map(name);
            if (!destinations.TryAdd(destination, name))
            {
                throw InstallationException.ForEntry(
                    InstallationErrorKind.DuplicateEntry, subject, name, $"is installed to the same file as '{destinations[destination]}'");
            }

            planned.Add(new PlannedFile(entry, destination, isScript, isScript || ZipEntryMode.IsExecutable(entry), row));
        }

        return new WheelPlan(subject, distInfo, libDirectory, wheel, metadata, planned);
    }

    /// <summary>Checks every entry's name and type; returns the file (not folder) entries in archive order.</summary>
    private static List<ZipArchiveEntry> CheckEntries(ZipArchive archive, string subject)
    {
        var seen = new HashSet<string>(FileSystemPaths.Comparer);
        var files = new List<ZipArchiveEntry>(archive.Entries.Count);
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            if (EntryNames.Problem(name) is { } problem)
            {
                throw InstallationException.ForEntry(InstallationErrorKind.UnsafeEntryName, subject, name, problem);
            }

            if (ZipEntryMode.IsSymbolicLink(entry))
            {
                throw InstallationException.ForEntry(InstallationErrorKind.SymlinkEntry, subject, name, "is a symbolic link");
            }

            if (!seen.Add(name.TrimEnd('/')))
            {
                throw InstallationException.ForEntry(InstallationErrorKind.DuplicateEntry, subject, name, "appears more than once in the archive");
            }

            if (!name.EndsWith('/'))
            {
                files.Add(entry);
            }
        }

        return files;
    }

    /// <summary>The one top-level <c>{name}-{version}.dist-info</c> folder, checked against the file name.</summary>
    private static string FindDistInfo(ZipArchive archive, string subject, WheelFileName fileName)
    {
        var folders = archive.Entries
            .Select(e => e.FullName.Split('/')[0])
            .Where(first => first.EndsWith(DistInfoSuffix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        switch (folders.Count)
        {
            case 0:
                throw InstallationException.ForSubject(InstallationErrorKind.InvalidDistInfo, subject, "has no .dist-info folder");
            case > 1:
                throw InstallationException.ForSubject(
                    InstallationErrorKind.InvalidDistInfo, subject, $"has more than one .dist-info folder ({string.Join(", ", folders)})");
        }

        var folder = folders[0];
        var stem = folder[..^DistInfoSuffix.Length];
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        var matches = dash > 0
            && PackageName.Canonicalize(stem[..dash]) == fileName.Name
            && Version.TryParse(stem[(dash + 1)..], out var version)
            && version.Equals(fileName.Version);
        return matches
            ? folder
            : throw InstallationException.ForEntry(
                InstallationErrorKind.InvalidDistInfo, subject, folder, $"is not named for {fileName.Name} {fileName.Version}");
    }

    private static bool IsUnrecordedDistInfoFile(string name, string distInfo) =>
        name.Length > distInfo.Length + 1
        && name.StartsWith(distInfo, StringComparison.Ordinal)
        && name[distInfo.Length] == '/'
        && UnrecordedDistInfoFiles.Contains(name[(distInfo.Length + 1)..], StringComparer.Ordinal);

    private static T Parse<T>(ZipArchive archive, string subject, string distInfo, string fileName, InstallationErrorKind kind, Func<byte[], T> parse)
    {
        var name = $"{distInfo}/{fileName}";
        var entry = archive.GetEntry(name)
            ?? throw InstallationException.ForSubject(kind, subject, $"has no {name}");
        if (entry.Length > MaxMetadataFileLength)
        {
            throw InstallationException.ForEntry(kind, subject, name, $"is larger than {MaxMetadataFileLength / (1024 * 1024)} MB");
        }

        byte[] bytes;
        try
        {
            // The entry's stream ends at its declared length, so this reads no more than the limit checked above.
            using var stream = entry.Open();
            bytes = new byte[entry.Length];
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw InstallationException.ForEntry(InstallationErrorKind.InvalidWheelFile, subject, name, $"is shorter than the {entry.Length} bytes the archive declares", e);
        }
        catch (InvalidDataException e)
        {
            throw InstallationException.ForEntry(InstallationErrorKind.InvalidWheelFile, subject, name, $"cannot be decompressed: {e.Message}", e);
        }

        try
        {
            return parse(bytes);
        }
        catch (PackagingFormatException e)
        {
            throw InstallationException.ForEntry(kind, subject, name, $"is invalid: {e.Message}", e);
        }
    }

    /// <summary>Maps archive names to destinations: the wheel's root to the lib folder, <c>.data/&lt;key&gt;/</c> to the
    /// scheme folder of that key (headers in a subfolder named after the project).</summary>
    private sealed class EntryMapper(string subject, string dataPrefix, string libDirectory, InstallScheme scheme, string projectName)
    {
        public (string Destination, bool IsScript) Map(string name)
        {
            var (root, relative, isScript) = name.StartsWith(dataPrefix, StringComparison.Ordinal)
                ? SplitData(name)
                : (libDirectory, name, false);
            var destination = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
            if (!FileSystemPaths.IsStrictlyInside(destination, root))
            {
                throw InstallationException.ForEntry(InstallationErrorKind.EntryOutsideTarget, subject, name, $"would be written outside {root}");
            }

            return (destination, isScript);
        }

        private (string Root, string Relative, bool IsScript) SplitData(string name)
        {
            var rest = name[dataPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == rest.Length - 1)
            {
                throw InstallationException.ForEntry(
                    InstallationErrorKind.InvalidDataDirectory, subject, name, $"is not inside a scheme folder of {dataPrefix} (purelib, platlib, scripts, headers or data)");
            }

            SchemeKey key = rest[..slash] switch
            {
                "purelib" => SchemeKey.Purelib,
                "platlib" => SchemeKey.Platlib,
                "scripts" => SchemeKey.Scripts,
                "headers" => SchemeKey.Headers,
                "data" => SchemeKey.Data,
                var other => throw InstallationException.ForEntry(
                    InstallationErrorKind.InvalidDataDirectory, subject, name, $"is in the unknown scheme folder '{other}' (expected purelib, platlib, scripts, headers or data)"),
            };
            var root = Path.GetFullPath(scheme.PathFor(key));
            if (key == SchemeKey.Headers)
            {
                root = Path.Combine(root, projectName);
            }

            return (root, rest[(slash + 1)..], key == SchemeKey.Scripts);
        }
    }
}
