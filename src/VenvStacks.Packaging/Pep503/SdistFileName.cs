using VenvStacks.Packaging.Text;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Pep503;

/// <summary>
/// A source distribution file name (<c>{name}-{version}.tar.gz</c> or <c>.zip</c>), parsed like pypa/packaging's
/// <c>parse_sdist_filename</c>: the split is at the last <c>-</c>, the name is normalised, the version must be valid.
/// </summary>
/// <param name="Name">The normalised project name.</param>
/// <param name="Version">The version.</param>
public sealed record SdistFileName(NormalizedName Name, Version Version)
{
    /// <summary>Parses an sdist file name.</summary>
    /// <param name="fileName">The file name without directories, for example <c>zope.interface-6.1.tar.gz</c>.</param>
    /// <returns>The name and version.</returns>
    /// <exception cref="PackagingFormatException">The extension is not <c>.tar.gz</c>/<c>.zip</c>, there is no
    /// <c>-</c>, the name is empty or the version is invalid.</exception>
    public static SdistFileName Parse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string stem;
        if (fileName.EndsWith(".tar.gz", StringComparison.Ordinal))
        {
            stem = fileName[..^".tar.gz".Length];
        }
        else if (fileName.EndsWith(".zip", StringComparison.Ordinal))
        {
            stem = fileName[..^".zip".Length];
        }
        else
        {
            throw new PackagingFormatException(
                "Invalid sdist filename (extension must be '.tar.gz' or '.zip'): " + PythonText.Repr(fileName),
                fileName,
                Math.Max(0, fileName.LastIndexOf('.')));
        }

        var dash = stem.LastIndexOf('-');
        if (dash < 0)
        {
            throw new PackagingFormatException("Invalid sdist filename: " + PythonText.Repr(fileName), fileName, 0, stem.Length);
        }

        if (dash == 0)
        {
            throw new PackagingFormatException("Invalid sdist filename (empty project name): " + PythonText.Repr(fileName), fileName, 0);
        }

        var versionText = stem[(dash + 1)..];
        if (!Version.TryParse(versionText, out var version))
        {
            throw new PackagingFormatException(
                "Invalid sdist filename (invalid version): " + PythonText.Repr(fileName), fileName, dash + 1, versionText.Length);
        }

        return new SdistFileName(NormalizedName.From(stem[..dash]), version);
    }
}
