using VenvStacks.Packaging.Pep503;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// Recognises distribution file names well enough to list them: wheels
/// (<c>{name}-{version}[-{build}]-{python}-{abi}-{platform}.whl</c>) and sdists (<c>.tar.gz</c>, <c>.zip</c>). Tags are
/// only checked for presence; choosing among wheels is the resolver's job.
/// </summary>
internal static class DistributionFileNames
{
    public static bool TryParse(string fileName, out DistributionKind kind, out NormalizedName name, out Version? version)
    {
        kind = DistributionKind.Wheel;
        name = default;
        version = null;
        if (fileName.Length == 0 || fileName.Any(char.IsWhiteSpace) || fileName.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        if (fileName.EndsWith(".whl", StringComparison.Ordinal))
        {
            var parts = fileName[..^4].Split('-');
            if (parts.Length is not (5 or 6) || parts.Any(p => p.Length == 0) ||
                (parts.Length == 6 && !char.IsAsciiDigit(parts[2][0])) ||
                !Version.TryParse(parts[1], out version))
            {
                return false;
            }

            name = NormalizedName.From(parts[0]);
            return true;
        }

        if (fileName.EndsWith(".tar.gz", StringComparison.Ordinal) || fileName.EndsWith(".zip", StringComparison.Ordinal))
        {
            try
            {
                var sdist = SdistFileName.Parse(fileName);
                kind = DistributionKind.SourceDistribution;
                name = sdist.Name;
                version = sdist.Version;
                return true;
            }
            catch (PackagingFormatException)
            {
                return false;
            }
        }

        return false;
    }
}
