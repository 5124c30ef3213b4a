using System.Collections.Frozen;
using System.Text;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// The <c>{name}-{version}.dist-info/WHEEL</c> file of a wheel: <c>Wheel-Version</c>, <c>Generator</c>,
/// <c>Root-Is-Purelib</c>, the <c>Tag</c> list and the optional <c>Build</c> number, plus any other fields kept as
/// written.
/// </summary>
public sealed class WheelInfo
{
    private const string WheelVersionField = "Wheel-Version";
    private const string GeneratorField = "Generator";
    private const string RootIsPurelibField = "Root-Is-Purelib";
    private const string TagField = "Tag";
    private const string BuildField = "Build";

    private static readonly FrozenSet<string> KnownFields =
        new[] { WheelVersionField, GeneratorField, RootIsPurelibField, TagField, BuildField }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private WheelInfo(
        IReadOnlyList<MetadataField> fields,
        WheelFormatVersion wheelVersion,
        bool rootIsPurelib)
    {
        Fields = fields;
        WheelVersion = wheelVersion;
        RootIsPurelib = rootIsPurelib;
        Generator = Get(GeneratorField);
        Tags = Fields.Where(f => Is(f, TagField)).Select(f => f.Value.Trim()).ToArray();
        Build = Get(BuildField);
        UnknownFields = Fields.Where(f => !KnownFields.Contains(f.Name)).ToArray();
    }

    /// <summary>The <c>Wheel-Version</c> field.</summary>
    public WheelFormatVersion WheelVersion { get; }

    /// <summary>The <c>Generator</c> field (the tool that built the wheel), or null.</summary>
    public string? Generator { get; }

    /// <summary>The <c>Root-Is-Purelib</c> field: true when the wheel's root goes into purelib, false for platlib.</summary>
    public bool RootIsPurelib { get; }

    /// <summary>The expanded compatibility tags (<c>Tag</c> fields, e.g. <c>py3-none-any</c>) in file order.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The <c>Build</c> field (build number), or null.</summary>
    public string? Build { get; }

    /// <summary>Every field in file order.</summary>
    public IReadOnlyList<MetadataField> Fields { get; }

    /// <summary>Fields other than the five the wheel specification defines, in file order.</summary>
    public IReadOnlyList<MetadataField> UnknownFields { get; }

    /// <summary>Creates the WHEEL content a build backend writes, with the fields in bdist_wheel's order.</summary>
    /// <param name="generator">The <c>Generator</c> value, e.g. <c>"VenvStacks.Sdk (0.1.0)"</c>.</param>
    /// <param name="rootIsPurelib">The <c>Root-Is-Purelib</c> value.</param>
    /// <param name="tags">The expanded tags, one <c>Tag</c> field each.</param>
    /// <param name="build">The optional build number.</param>
    public static WheelInfo Create(string generator, bool rootIsPurelib, IEnumerable<string> tags, string? build = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(tags);
        var fields = new List<MetadataField>
        {
            new(WheelVersionField, WheelFormatVersion.Supported.ToString(), 0),
            new(GeneratorField, generator, 0),
            new(RootIsPurelibField, rootIsPurelib ? "true" : "false", 0),
        };
        fields.AddRange(tags.Select(tag => new MetadataField(TagField, tag, 0)));
        if (build is not null)
        {
            fields.Add(new MetadataField(BuildField, build, 0));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            fields[i] = fields[i] with { Line = i + 1 };
        }

        return new WheelInfo(fields, WheelFormatVersion.Supported, rootIsPurelib);
    }

    /// <summary>Parses the text of a WHEEL file.</summary>
    /// <exception cref="PackagingFormatException">A header line is malformed, or <c>Wheel-Version</c> or
    /// <c>Root-Is-Purelib</c> is missing or invalid.</exception>
    public static WheelInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = HeaderBlock.Parse(text, "WHEEL").Fields;

        var versionField = Required(text, fields, WheelVersionField);
        if (!WheelFormatVersion.TryParse(versionField.Value.Trim(), out var version))
        {
            throw TextLocation.Error($"Invalid WHEEL: '{versionField.Value.Trim()}' is not a valid Wheel-Version", text, versionField.ValueOffset, versionField.Value.Length);
        }

        var purelibField = Required(text, fields, RootIsPurelibField);
        var purelib = purelibField.Value.Trim();
        var rootIsPurelib = purelib.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (!rootIsPurelib && !purelib.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            throw TextLocation.Error($"Invalid WHEEL: Root-Is-Purelib must be 'true' or 'false', not '{purelib}'", text, purelibField.ValueOffset, purelibField.Value.Length);
        }

        return new WheelInfo(fields, version, rootIsPurelib);
    }

    /// <summary>Parses the UTF-8 bytes of a WHEEL file.</summary>
    /// <exception cref="PackagingFormatException">The bytes are not UTF-8 or not a valid WHEEL file.</exception>
    public static WheelInfo Parse(ReadOnlySpan<byte> utf8) => Parse(Utf8Text.Decode(utf8, "WHEEL"));

    /// <summary>Reads and parses a WHEEL file from <paramref name="stream"/> (UTF-8).</summary>
    /// <exception cref="PackagingFormatException">The content is not UTF-8 or not a valid WHEEL file.</exception>
    public static async Task<WheelInfo> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Parse(await Utf8Text.ReadAsync(stream, "WHEEL", cancellationToken).ConfigureAwait(false));

    /// <summary>The value of the first field called <paramref name="fieldName"/> (case-insensitive), or null.</summary>
    public string? Get(string fieldName) => Fields.FirstOrDefault(f => Is(f, fieldName))?.Value;

    /// <summary>
    /// The file content: each field as <c>Name: value</c> on its own line in <see cref="Fields"/> order, then an empty
    /// line, with LF endings, as bdist_wheel writes it.
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var field in Fields)
        {
            builder.Append(field.Name).Append(": ").Append(field.Value).Append('\n');
        }

        return builder.Append('\n').ToString();
    }

    private static bool Is(MetadataField field, string name) =>
        string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase);

    private static MetadataField Required(string text, IReadOnlyList<MetadataField> fields, string name) =>
        fields.FirstOrDefault(f => Is(f, name))
        ?? throw TextLocation.Error($"Invalid WHEEL: missing required field '{name}'", text, 0, 0);
}
