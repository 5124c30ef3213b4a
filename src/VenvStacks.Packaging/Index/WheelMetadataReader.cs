using System.IO.Compression;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Index;

/// <summary>Reads <c>{name}-{version}.dist-info/METADATA</c> out of a wheel without unpacking anything else.</summary>
internal static class WheelMetadataReader
{
    private const long MaxMetadataBytes = 32L * 1024 * 1024;

    public static byte[] Read(string wheelPath, string fileName, NormalizedName project)
    {
        try
        {
            using var zip = ZipFile.OpenRead(wheelPath);
            var candidates = zip.Entries
                .Where(e => e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1)
                .ToList();
            if (candidates.Count > 1)
            {
                candidates = candidates.Where(e => NormalizedName.From(e.FullName.Split('-', 2)[0]) == project).ToList();
            }

            if (candidates.Count != 1)
            {
                throw Invalid(fileName, candidates.Count == 0
                    ? "it has no .dist-info/METADATA"
                    : "it has several .dist-info folders for the project");
            }

            var entry = candidates[0];
            if (entry.Length > MaxMetadataBytes)
            {
                throw Invalid(fileName, $"its METADATA is {entry.Length} bytes long");
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream((int)entry.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw Invalid(fileName, "it is not a valid zip archive (" + e.Message + ")", e);
        }
    }

    private static PackageIndexException Invalid(string fileName, string reason, Exception? inner = null) =>
        new(IndexErrorCode.InvalidDistribution, $"Cannot read the metadata of {fileName}: {reason}.", innerException: inner);
}
