using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.TestSupport.IndexServer;

/// <summary>A file a <see cref="LocalIndexServer"/> lists and serves, with the per-file index attributes.</summary>
/// <param name="FileName">The distribution file name (a wheel or an sdist).</param>
/// <param name="Content">The file bytes.</param>
public sealed record ServedFile(string FileName, byte[] Content)
{
    /// <summary>The PEP 700 upload time, if the index should report one.</summary>
    public DateTimeOffset? UploadTime { get; init; }

    /// <summary>Null when not yanked; otherwise the PEP 592 reason (empty for "yanked without a reason").</summary>
    public string? YankedReason { get; init; }

    /// <summary>The <c>Requires-Python</c> advertised for the file (taken from the wheel's METADATA by default).</summary>
    public string? RequiresPython { get; init; }

    /// <summary>The core metadata bytes (for wheels, the wheel's METADATA), or null.</summary>
    public byte[]? Metadata { get; init; }

    /// <summary>Per-file switch for PEP 658: false hides the metadata file even when the server serves them.</summary>
    public bool ServeMetadata { get; init; } = true;

    /// <summary>A sha256 to advertise instead of the real one (to test hash mismatches).</summary>
    public string? AdvertisedSha256 { get; init; }

    /// <summary>A metadata sha256 to advertise instead of the real one.</summary>
    public string? AdvertisedMetadataSha256 { get; init; }

    /// <summary>Whether the file is yanked.</summary>
    public bool IsYanked => YankedReason is not null;

    /// <summary>The real sha256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>The real sha256 of <see cref="Metadata"/>, or null.</summary>
    public string? MetadataSha256 => Metadata is null ? null : Convert.ToHexStringLower(SHA256.HashData(Metadata));

    /// <summary>The normalised project name from the file name.</summary>
    public string Project => WheelNames.ProjectOf(FileName) ?? throw new InvalidOperationException($"'{FileName}' is not a distribution file name.");

    /// <summary>The version from the file name, as written.</summary>
    public string Version => WheelNames.VersionOf(FileName) ?? throw new InvalidOperationException($"'{FileName}' is not a distribution file name.");

    /// <summary>A served wheel with its METADATA and Requires-Python taken from the built wheel.</summary>
    public static ServedFile FromWheel(BuiltWheel wheel) => FromBytes(wheel.FileName, wheel.Content);

    /// <summary>A served file; for wheels, METADATA and Requires-Python are read from the zip.</summary>
    public static ServedFile FromBytes(string fileName, byte[] content)
    {
        var metadata = fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) ? ReadWheelMetadata(content) : null;
        return new ServedFile(fileName, content)
        {
            Metadata = metadata,
            RequiresPython = metadata is null ? null : HeaderValue(metadata, "Requires-Python"),
        };
    }

    private static byte[]? ReadWheelMetadata(byte[] wheel)
    {
        using var zip = new ZipArchive(new MemoryStream(wheel), ZipArchiveMode.Read);
        var entry = zip.Entries.FirstOrDefault(e =>
            e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1);
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string? HeaderValue(byte[] metadata, string header)
    {
        foreach (var line in Encoding.UTF8.GetString(metadata).Split('\n'))
        {
            if (line.Length == 0 || line == "\r")
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Equals(header, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
