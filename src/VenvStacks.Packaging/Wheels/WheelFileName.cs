using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Text;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// A parsed PEP 427 wheel file name, <c>{name}-{version}(-{build})?-{tags}.whl</c>, with the same acceptance rules
/// and results as packaging's <c>parse_wheel_filename</c>: the name is normalised (PEP 503), the version is a PEP 440
/// version, the build tag is split into number and suffix, and the compressed tag set is expanded and lower-cased.
/// </summary>
public sealed class WheelFileName
{
    private const string Extension = ".whl";

    private WheelFileName(string fileName, string name, Version version, WheelBuildTag? buildTag, TagSet tags)
    {
        FileName = fileName;
        Name = name;
        Version = version;
        BuildTag = buildTag;
        Tags = tags;
    }

    /// <summary>The file name exactly as given.</summary>
    public string FileName { get; }

    /// <summary>The project name, normalised as PEP 503 does (<c>typing_extensions</c> becomes <c>typing-extensions</c>).</summary>
    public string Name { get; }

    /// <summary>The project version.</summary>
    public Version Version { get; }

    /// <summary>The build tag, or null when the file name has none.</summary>
    public WheelBuildTag? BuildTag { get; }

    /// <summary>The wheel's compatibility tags (the expanded compressed tag set).</summary>
    public TagSet Tags { get; }

    /// <summary>
    /// Whether each compressed tag-set component is written in sorted order, as PEP 425 requires
    /// (<c>manylinux_2_17_x86_64.manylinux2014_x86_64</c> is not). Such names are still accepted unless
    /// <see cref="Parse(string, bool)"/> is asked to validate the order.
    /// </summary>
    public bool HasSortedTags => Tags.IsInSortedOrder;

    /// <summary>Parses a wheel file name.</summary>
    /// <param name="fileName">The file name (no directory), e.g. <c>numpy-2.1.0-cp312-cp312-win_amd64.whl</c>.</param>
    /// <param name="validateTagOrder">When true, a compressed tag-set component that is not sorted is an error
    /// (packaging's <c>validate_order=True</c>).</param>
    /// <returns>The parsed file name.</returns>
    /// <exception cref="PackagingFormatException">The name is not a valid wheel file name; the message is packaging's.</exception>
    public static WheelFileName Parse(string fileName, bool validateTagOrder = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return TryParse(fileName, validateTagOrder, out var error) ?? throw error!;
    }

    /// <summary>Parses a wheel file name, returning false instead of throwing when it is not valid.</summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="wheelFileName">The parsed file name, or null.</param>
    /// <returns>Whether the file name is a valid wheel file name.</returns>
    public static bool TryParse(string? fileName, [NotNullWhen(true)] out WheelFileName? wheelFileName)
    {
        wheelFileName = fileName is null ? null : TryParse(fileName, false, out _);
        return wheelFileName is not null;
    }

    /// <summary>The file name exactly as given.</summary>
    /// <returns>The file name.</returns>
    public override string ToString() => FileName;

    private static WheelFileName? TryParse(string fileName, bool validateTagOrder, out PackagingFormatException? error)
    {
        error = null;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            // Point at the wrong extension when there is one, otherwise at the end where ".whl" is missing.
            var dot = fileName.LastIndexOf('.');
            var position = dot > fileName.LastIndexOf('-') ? dot : fileName.Length;
            error = new($"Invalid wheel filename (extension must be '.whl'): {PythonText.Repr(fileName)}", fileName, position, fileName.Length - position);
            return null;
        }

        // packaging quotes the name without its extension in every later message.
        var stem = fileName[..^Extension.Length];
        var dashes = stem.AsSpan().Count('-');
        if (dashes is not (4 or 5))
        {
            error = new($"Invalid wheel filename (wrong number of parts): {PythonText.Repr(stem)}", fileName, 0, stem.Length);
            return null;
        }

        var nameEnd = stem.IndexOf('-', StringComparison.Ordinal);
        var versionEnd = stem.IndexOf('-', nameEnd + 1);
        var buildEnd = dashes == 5 ? stem.IndexOf('-', versionEnd + 1) : versionEnd;

        var namePart = stem[..nameEnd];
        if (!IsValidEscapedName(namePart))
        {
            error = new($"Invalid project name: {PythonText.Repr(stem)}", fileName, 0, nameEnd);
            return null;
        }

        var versionPart = stem[(nameEnd + 1)..versionEnd];
        if (!Version.TryParse(versionPart, out var version))
        {
            error = new($"Invalid wheel filename (invalid version): {PythonText.Repr(stem)}", fileName, nameEnd + 1, versionPart.Length);
            return null;
        }

        WheelBuildTag? buildTag = null;
        if (dashes == 5)
        {
            var buildPart = stem[(versionEnd + 1)..buildEnd];
            buildTag = ParseBuildTag(buildPart);
            if (buildTag is null)
            {
                error = new($"Invalid build number: {buildPart} in {PythonText.Repr(stem)}", fileName, versionEnd + 1, buildPart.Length);
                return null;
            }
        }

        var tags = TagSet.TryParse(stem, buildEnd + 1, stem.Length, validateTagOrder, out var failure);
        if (tags is null)
        {
            var reason = failure.Error switch
            {
                TagParseError.Unsorted => "compressed tag set components must be in sorted order per PEP 425",
                TagParseError.TooManyTags => "compressed tag set is too large",
                _ => "invalid tag component",
            };
            error = new($"Invalid wheel filename ({reason}): {PythonText.Repr(stem)}", fileName, failure.Position, failure.Length);
            return null;
        }

        return new WheelFileName(fileName, PackageName.Canonicalize(namePart), version, buildTag, tags);
    }

    // PEP 427 escapes the project name to word characters, '.' and '_'; packaging also rejects "__".
    private static bool IsValidEscapedName(string name)
    {
        if (name.Length == 0 || name.Contains("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (!(rune.Value == '.' || PythonText.IsWordRune(rune)))
            {
                return false;
            }
        }

        return true;
    }

    // packaging matches (\d+)(.*) with ASCII digits; "." stops at a line break, so the suffix does too.
    private static WheelBuildTag? ParseBuildTag(string buildPart)
    {
        var digits = 0;
        while (digits < buildPart.Length && char.IsAsciiDigit(buildPart[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return null;
        }

        var suffix = buildPart[digits..];
        var lineBreak = suffix.IndexOf('\n', StringComparison.Ordinal);
        var number = BigInteger.Parse(buildPart.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return new WheelBuildTag(number, lineBreak < 0 ? suffix : suffix[..lineBreak]);
    }
}
