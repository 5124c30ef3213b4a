using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>
/// The core metadata of a distribution (a wheel's <c>METADATA</c>, an sdist's or egg's <c>PKG-INFO</c>), metadata
/// versions 1.0 to 2.4. Every header is kept in <see cref="Fields"/>; the commonly needed ones have typed properties,
/// which are parsed (and so validated) when the file is parsed.
/// </summary>
/// <remarks>
/// The file format is RFC 822 headers followed by an optional body, read the way Python's <c>email</c> parser
/// (compat32 policy, as used by pypa/packaging) reads it. Field names are case-insensitive. The long description is
/// the body; older files carry it in a folded <c>Description</c> header instead, which is unfolded here. When both are
/// present the body wins and the header stays visible in <see cref="Fields"/>.
/// </remarks>
public sealed class DistributionMetadata
{
    private DistributionMetadata(string text, HeaderBlock block)
    {
        Fields = block.Fields;
        UnknownFields = block.Fields.Where(f => !MetadataFieldNames.Known.Contains(f.Name)).ToArray();

        var versionField = Single(text, MetadataFieldNames.MetadataVersion, required: true)!;
        MetadataVersion = ParseMetadataVersion(text, versionField);
        Name = ParseName(text, Single(text, MetadataFieldNames.Name, required: true)!);
        var version = Single(text, MetadataFieldNames.Version, required: true)!;
        VersionText = RequireNonEmpty(text, version);
        Version = ParseValue(text, version, Pep440.Version.Parse);

        var requiresPython = Single(text, MetadataFieldNames.RequiresPython, required: false);
        RequiresPythonText = requiresPython?.Value.Trim();
        RequiresPython = requiresPython is null ? null : ParseValue(text, requiresPython, value => SpecifierSet.Parse(value));
        var requiresDist = Fields.Where(f => IsField(f, MetadataFieldNames.RequiresDist)).ToArray();
        RequiresDistText = requiresDist.Select(f => f.Value.Trim()).ToArray();
        RequiresDist = requiresDist.Select(f => ParseValue(text, f, Requirement.Parse)).ToArray();
        ProvidesExtra = Fields
            .Where(f => IsField(f, MetadataFieldNames.ProvidesExtra))
            .Select(f => NormalizeExtra(text, f))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Summary = Get(MetadataFieldNames.Summary);
        Description = string.IsNullOrEmpty(block.Body)
            ? Get(MetadataFieldNames.Description) is { } header ? DescriptionHeader.Unfold(header) : null
            : block.Body;
        DescriptionContentType = Get(MetadataFieldNames.DescriptionContentType);
        Classifiers = GetAll(MetadataFieldNames.Classifier);
        LicenseExpression = Get(MetadataFieldNames.LicenseExpression);
        LicenseFiles = GetAll(MetadataFieldNames.LicenseFile);
        Dynamic = GetAll(MetadataFieldNames.Dynamic);
    }

    /// <summary>The <c>Metadata-Version</c> field.</summary>
    public MetadataVersion MetadataVersion { get; }

    /// <summary>The <c>Name</c> field as written (surrounding whitespace removed).</summary>
    public string Name { get; }

    /// <summary>The <see cref="Name"/> normalised per PEP 503, for comparisons and lookups.</summary>
    public NormalizedName NormalizedName => NormalizedName.From(Name);

    /// <summary>The <c>Version</c> field as a PEP 440 version.</summary>
    public Pep440.Version Version { get; }

    /// <summary>The <c>Version</c> field as written (surrounding whitespace removed).</summary>
    public string VersionText { get; }

    /// <summary>The <c>Summary</c> field, or null.</summary>
    public string? Summary { get; }

    /// <summary>The long description: the body, else the unfolded <c>Description</c> header, else null.</summary>
    public string? Description { get; }

    /// <summary>The <c>Description-Content-Type</c> field, or null.</summary>
    public string? DescriptionContentType { get; }

    /// <summary>Every <c>Requires-Dist</c> field in file order, as PEP 508 requirements.</summary>
    public IReadOnlyList<Requirement> RequiresDist { get; }

    /// <summary>Every <c>Requires-Dist</c> value in file order, as written (surrounding whitespace removed).</summary>
    public IReadOnlyList<string> RequiresDistText { get; }

    /// <summary>The <c>Requires-Python</c> field as a specifier set, or null when the field is absent.</summary>
    public SpecifierSet? RequiresPython { get; }

    /// <summary>The <c>Requires-Python</c> field as written (surrounding whitespace removed), or null.</summary>
    public string? RequiresPythonText { get; }

    /// <summary>The <c>Provides-Extra</c> names normalised per PEP 685 (lower case, runs of <c>-_.</c> become
    /// <c>-</c>), in file order without duplicates.</summary>
    public IReadOnlyList<string> ProvidesExtra { get; }

    /// <summary>Every <c>Classifier</c> value in file order.</summary>
    public IReadOnlyList<string> Classifiers { get; }

    /// <summary>The <c>License-Expression</c> field (metadata 2.4), or null.</summary>
    public string? LicenseExpression { get; }

    /// <summary>Every <c>License-File</c> value in file order.</summary>
    public IReadOnlyList<string> LicenseFiles { get; }

    /// <summary>Every <c>Dynamic</c> value in file order (metadata 2.2).</summary>
    public IReadOnlyList<string> Dynamic { get; }

    /// <summary>Every header field in file order, including repeated and unknown ones.</summary>
    public IReadOnlyList<MetadataField> Fields { get; }

    /// <summary>The fields the core metadata specification does not define, in file order.</summary>
    public IReadOnlyList<MetadataField> UnknownFields { get; }

    /// <summary>Parses the text of a METADATA or PKG-INFO file.</summary>
    /// <exception cref="PackagingFormatException">The text is not valid core metadata.</exception>
    public static DistributionMetadata Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DistributionMetadata(text, HeaderBlock.Parse(text, "METADATA"));
    }

    /// <summary>Parses the UTF-8 bytes of a METADATA or PKG-INFO file.</summary>
    /// <exception cref="PackagingFormatException">The bytes are not UTF-8 or not valid core metadata.</exception>
    public static DistributionMetadata Parse(ReadOnlySpan<byte> utf8) => Parse(Utf8Text.Decode(utf8, "METADATA"));

    /// <summary>Reads and parses a METADATA or PKG-INFO file from <paramref name="stream"/> (UTF-8).</summary>
    /// <exception cref="PackagingFormatException">The content is not UTF-8 or not valid core metadata.</exception>
    public static async Task<DistributionMetadata> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Parse(await Utf8Text.ReadAsync(stream, "METADATA", cancellationToken).ConfigureAwait(false));

    /// <summary>The value of the first field called <paramref name="fieldName"/> (case-insensitive), or null.</summary>
    public string? Get(string fieldName) => Fields.FirstOrDefault(f => IsField(f, fieldName))?.Value;

    /// <summary>The values of every field called <paramref name="fieldName"/> (case-insensitive), in file order.</summary>
    public IReadOnlyList<string> GetAll(string fieldName) =>
        Fields.Where(f => IsField(f, fieldName)).Select(f => f.Value).ToArray();

    private static bool IsField(MetadataField field, string name) =>
        string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase);

    // Identity fields may appear once only: two different names or versions leave no sensible answer.
    private MetadataField? Single(string text, string name, bool required)
    {
        MetadataField? found = null;
        foreach (var field in Fields)
        {
            if (!IsField(field, name))
            {
                continue;
            }

            if (found is not null)
            {
                throw TextLocation.Error(
                    $"Invalid METADATA: field '{name}' appears more than once (first on line {found.Line})",
                    text,
                    field.ValueOffset,
                    FirstLineLength(field.Value));
            }

            found = field;
        }

        if (found is null && required)
        {
            throw TextLocation.Error($"Invalid METADATA: missing required field '{name}'", text, 0, 0);
        }

        return found;
    }

    private static MetadataVersion ParseMetadataVersion(string text, MetadataField field)
    {
        var value = field.Value.Trim();
        if (!MetadataVersion.TryParse(value, out var version))
        {
            throw TextLocation.Error($"Invalid METADATA: '{value}' is not a valid metadata version", text, field.ValueOffset, FirstLineLength(field.Value));
        }

        if (version.Major > MetadataVersion.HighestSupportedMajor)
        {
            throw TextLocation.Error(
                $"Unsupported METADATA: metadata version {value} is newer than the supported {MetadataVersion.HighestSupportedMajor}.x",
                text,
                field.ValueOffset,
                FirstLineLength(field.Value));
        }

        return version;
    }

    private static string ParseName(string text, MetadataField field)
    {
        var name = RequireNonEmpty(text, field);
        if (!PackageName.IsValid(name))
        {
            throw TextLocation.Error($"Invalid METADATA: '{name}' is not a valid project name", text, field.ValueOffset, FirstLineLength(field.Value));
        }

        return name;
    }

    private static string NormalizeExtra(string text, MetadataField field)
    {
        var extra = field.Value.Trim();
        if (!PackageName.IsValid(extra))
        {
            throw TextLocation.Error($"Invalid METADATA: '{extra}' is not a valid extra name", text, field.ValueOffset, FirstLineLength(field.Value));
        }

        return PackageName.Canonicalize(extra);
    }

    // Parses a field value with another standard's parser and moves its error position from the value into the file.
    private static T ParseValue<T>(string text, MetadataField field, Func<string, T> parse)
    {
        var value = field.Value.Trim();
        try
        {
            return parse(value);
        }
        catch (PackagingFormatException inner)
        {
            var leading = field.Value.Length - field.Value.TrimStart().Length;
            var firstLine = FirstLineLength(field.Value);
            var position = leading + inner.Position <= firstLine ? field.ValueOffset + leading + inner.Position : field.ValueOffset;
            throw TextLocation.Error($"Invalid METADATA: {field.Name} '{value}': {inner.Message}", text, position, inner.Length, inner);
        }
    }

    private static string RequireNonEmpty(string text, MetadataField field)
    {
        var value = field.Value.Trim();
        if (value.Length == 0)
        {
            throw TextLocation.Error($"Invalid METADATA: field '{field.Name}' is empty", text, field.ValueOffset, 0);
        }

        return value;
    }

    private static int FirstLineLength(string value)
    {
        var newline = value.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? value.Length : newline;
    }
}
