using System.Collections.Immutable;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>
/// Writes real, installable wheel files (PEP 427): <c>METADATA</c>, <c>WHEEL</c>, <c>RECORD</c> with url-safe base64
/// sha256 digests, and any module files. The builder is immutable — every <c>With…</c> call returns a new builder — so
/// one base description can be varied per test. The same description always produces the same bytes (fixed
/// timestamps, fixed entry order, fixed attributes), so hashes can be asserted.
/// </summary>
/// <example>
/// <code>
/// var wheel = new WheelBuilder("demo-lib", "1.0")
///     .WithTag("cp311-cp311-manylinux_2_17_x86_64")
///     .WithRequiresDist("idna>=3")
///     .WithRequiresPython(">=3.9")
///     .WithModule("demo_lib/__init__.py", "VALUE = 1\n")
///     .Build();
/// wheel.WriteTo(folder);
/// </code>
/// </example>
public sealed record WheelBuilder
{
    /// <summary>The timestamp stored for every zip entry (zip times have no time zone and a 1980 floor).</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(2020, 2, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Starts a wheel description with the default tag <c>py3-none-any</c>.</summary>
    /// <param name="name">The project name as it appears in <c>METADATA</c> (any spelling; the file name is escaped).</param>
    /// <param name="version">The version, as written in <c>METADATA</c> and the file name.</param>
    public WheelBuilder(string name, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Name = name;
        Version = version;
    }

    /// <summary>The project name as written in <c>METADATA</c>.</summary>
    public string Name { get; init; }

    /// <summary>The version.</summary>
    public string Version { get; init; }

    /// <summary>The compressed tag set in the file name, for example <c>py2.py3-none-any</c>.</summary>
    public string Tag { get; init; } = "py3-none-any";

    /// <summary>The optional build tag (must start with a digit).</summary>
    public string? BuildTag { get; init; }

    /// <summary>The <c>Metadata-Version</c> written.</summary>
    public string MetadataVersion { get; init; } = "2.1";

    /// <summary>The <c>Requires-Python</c> value, if any.</summary>
    public string? RequiresPython { get; init; }

    /// <summary>The <c>Requires-Dist</c> values in order.</summary>
    public ImmutableList<string> RequiresDist { get; init; } = [];

    /// <summary>The <c>Provides-Extra</c> values in order.</summary>
    public ImmutableList<string> ProvidesExtra { get; init; } = [];

    /// <summary>Other <c>METADATA</c> headers, written after the standard ones in order.</summary>
    public ImmutableList<KeyValuePair<string, string>> ExtraMetadata { get; init; } = [];

    /// <summary>Files inside the wheel other than the <c>.dist-info</c> files, by archive path.</summary>
    public ImmutableList<KeyValuePair<string, byte[]>> Files { get; init; } = [];

    /// <summary>Extra files inside the <c>.dist-info</c> folder (for example <c>entry_points.txt</c>).</summary>
    public ImmutableList<KeyValuePair<string, byte[]>> DistInfoFiles { get; init; } = [];

    /// <summary>Whether <c>Root-Is-Purelib</c> is true; by default true exactly when the platform tag is <c>any</c>.</summary>
    public bool? RootIsPurelib { get; init; }

    /// <summary>A different tag set.</summary>
    public WheelBuilder WithTag(string tag) => this with { Tag = tag };

    /// <summary>A build tag such as <c>1</c> or <c>2local</c>.</summary>
    public WheelBuilder WithBuildTag(string buildTag) => this with { BuildTag = buildTag };

    /// <summary>A different <c>Metadata-Version</c>.</summary>
    public WheelBuilder WithMetadataVersion(string metadataVersion) => this with { MetadataVersion = metadataVersion };

    /// <summary>Sets <c>Requires-Python</c>.</summary>
    public WheelBuilder WithRequiresPython(string specifiers) => this with { RequiresPython = specifiers };

    /// <summary>Adds <c>Requires-Dist</c> lines.</summary>
    public WheelBuilder WithRequiresDist(params string[] requirements) => this with { RequiresDist = RequiresDist.AddRange(requirements) };

    /// <summary>Adds an extra: a <c>Provides-Extra</c> line and one <c>Requires-Dist</c> per requirement guarded by
    /// <c>extra == "name"</c> (combined with the requirement's own marker if it has one).</summary>
    public WheelBuilder WithExtra(string extra, params string[] requirements)
    {
        var guarded = requirements.Select(r =>
        {
            var semicolon = r.IndexOf(';', StringComparison.Ordinal);
            return semicolon < 0
                ? $"{r} ; extra == \"{extra}\""
                : $"{r[..semicolon].TrimEnd()} ; ({r[(semicolon + 1)..].Trim()}) and extra == \"{extra}\"";
        });
        return this with { ProvidesExtra = ProvidesExtra.Add(extra), RequiresDist = RequiresDist.AddRange(guarded) };
    }

    /// <summary>Adds any other <c>METADATA</c> header (for example <c>Summary</c>).</summary>
    public WheelBuilder WithMetadataField(string name, string value) =>
        this with { ExtraMetadata = ExtraMetadata.Add(new(name, value)) };

    /// <summary>Adds a file at an archive path (forward slashes), with UTF-8 text content.</summary>
    public WheelBuilder WithModule(string archivePath, string text) => WithFile(archivePath, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a file at an archive path (forward slashes).</summary>
    public WheelBuilder WithFile(string archivePath, byte[] content) =>
        this with { Files = Files.Add(new(archivePath, content)) };

    /// <summary>Adds a file inside the <c>.dist-info</c> folder, such as <c>entry_points.txt</c>.</summary>
    public WheelBuilder WithDistInfoFile(string fileName, string text) =>
        this with { DistInfoFiles = DistInfoFiles.Add(new(fileName, Encoding.UTF8.GetBytes(text))) };

    /// <summary>Adds a <c>console_scripts</c> entry point file with one script.</summary>
    public WheelBuilder WithConsoleScript(string script, string target) =>
        WithDistInfoFile("entry_points.txt", $"[console_scripts]\n{script} = {target}\n");

    /// <summary>The wheel file name: <c>{escaped name}-{version}[-{build}]-{tag}.whl</c>.</summary>
    public string FileName =>
        string.Join('-', new[] { WheelNames.Escape(Name), Version, BuildTag, Tag }.Where(p => p is not null)) + ".whl";

    /// <summary>The <c>.dist-info</c> folder name.</summary>
    public string DistInfoFolder => $"{WheelNames.Escape(Name)}-{Version}.dist-info";

    /// <summary>The <c>METADATA</c> text exactly as written into the wheel.</summary>
    public string MetadataText
    {
        get
        {
            var text = new StringBuilder();
            text.Append("Metadata-Version: ").Append(MetadataVersion).Append('\n');
            text.Append("Name: ").Append(Name).Append('\n');
            text.Append("Version: ").Append(Version).Append('\n');
            if (RequiresPython is not null)
            {
                text.Append("Requires-Python: ").Append(RequiresPython).Append('\n');
            }

            foreach (var (header, value) in ExtraMetadata)
            {
                text.Append(header).Append(": ").Append(value).Append('\n');
            }

            foreach (var extra in ProvidesExtra)
            {
                text.Append("Provides-Extra: ").Append(extra).Append('\n');
            }

            foreach (var requirement in RequiresDist)
            {
                text.Append("Requires-Dist: ").Append(requirement).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>The <c>WHEEL</c> text: one <c>Tag</c> line per tag of the expanded tag set.</summary>
    public string WheelText
    {
        get
        {
            var parts = Tag.Split('-');
            if (parts.Length != 3)
            {
                throw new InvalidOperationException($"Tag '{Tag}' is not interpreter-abi-platform.");
            }

            var purelib = RootIsPurelib ?? parts[2] == "any";
            var text = new StringBuilder();
            text.Append("Wheel-Version: 1.0\n");
            text.Append("Generator: venvstacks-testsupport (1.0)\n");
            text.Append("Root-Is-Purelib: ").Append(purelib ? "true" : "false").Append('\n');
            foreach (var interpreter in parts[0].Split('.'))
            {
                foreach (var abi in parts[1].Split('.'))
                {
                    foreach (var platform in parts[2].Split('.'))
                    {
                        text.Append("Tag: ").Append(interpreter).Append('-').Append(abi).Append('-').Append(platform).Append('\n');
                    }
                }
            }

            if (BuildTag is not null)
            {
                text.Append("Build: ").Append(BuildTag).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>Writes the wheel into memory.</summary>
    /// <returns>The file name, bytes and digests.</returns>
    public BuiltWheel Build()
    {
        var entries = new List<KeyValuePair<string, byte[]>>(Files);
        entries.AddRange(DistInfoFiles.Select(f => new KeyValuePair<string, byte[]>($"{DistInfoFolder}/{f.Key}", f.Value)));
        var metadata = Encoding.UTF8.GetBytes(MetadataText);
        entries.Add(new($"{DistInfoFolder}/METADATA", metadata));
        entries.Add(new($"{DistInfoFolder}/WHEEL", Encoding.UTF8.GetBytes(WheelText)));

        var record = new StringBuilder();
        foreach (var (path, content) in entries)
        {
            record.Append(CsvField(path)).Append(",sha256=").Append(UrlSafeSha256(content)).Append(',').Append(content.Length).Append('\n');
        }

        var recordPath = $"{DistInfoFolder}/RECORD";
        record.Append(CsvField(recordPath)).Append(",,\n");
        entries.Add(new(recordPath, Encoding.UTF8.GetBytes(record.ToString())));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTimestamp;
                entry.ExternalAttributes = Convert.ToInt32("100644", 8) << 16;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        var bytes = buffer.ToArray();
        return new BuiltWheel(FileName, Name, Version, bytes, metadata, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string UrlSafeSha256(byte[] content) =>
        Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
