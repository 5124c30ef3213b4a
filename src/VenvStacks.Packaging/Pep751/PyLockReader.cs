using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep751;

/// <summary>Reads pylock.toml text into a <see cref="PyLock"/>.</summary>
internal static class PyLockReader
{
    public static PyLock Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Checked before any recursive parser sees the text, so that a hostile lock is a located format error.
        if (TomlTextGuard.FindFirstProblem(text) is { } problem)
        {
            throw TextLocation.Error("Invalid pylock.toml: " + problem.Message, text, problem.Offset, 1);
        }

        var store = new TomlMetadataStore();
        var options = new TomlSerializerOptions { MetadataStore = store, MaxDepth = TomlTextGuard.ParserMaxDepth };
        TomlTable root;
        try
        {
            // The syntax tree catches what the model reader lets through (e.g. a table defined twice).
            var syntax = SyntaxParser.Parse(text, options, "pylock.toml", validate: true);
            var firstError = syntax.Diagnostics.FirstOrDefault(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error);
            if (firstError is not null)
            {
                throw TextLocation.Error("Invalid pylock.toml: " + firstError.Message, text, firstError.Span.Offset, firstError.Span.Length);
            }

            root = TomlSerializer.Deserialize<TomlTable>(text, options) ?? new TomlTable();
        }
        catch (TomlException exception)
        {
            throw TextLocation.Error("Invalid pylock.toml: " + exception.Message, text, exception.Offset ?? 0, 0);
        }
        catch (ArgumentException exception)
        {
            // Tomlyn fails like this on input TomlTextGuard is meant to stop first (an escaped surrogate).
            throw TextLocation.Error("Invalid pylock.toml: the TOML parser failed: " + exception.Message, text, 0, 0, exception);
        }

        var document = TomlTableReader.ForDocument(root, text, store);
        var lockVersion = document.RequiredString("lock-version");
        if (!lockVersion.Split('.')[0].Equals("1", StringComparison.Ordinal))
        {
            throw document.ErrorAt("lock-version", $"unsupported lock-version '{lockVersion}' (this reader supports 1.x)");
        }

        return new PyLock
        {
            HeaderComments = ReadHeaderComments(text),
            LockVersion = lockVersion,
            CreatedBy = document.RequiredString("created-by"),
            Environments = document.OptionalStringArray("environments"),
            RequiresPython = document.OptionalParsedString("requires-python", text => SpecifierSet.Parse(text)),
            Extras = document.OptionalStringArray("extras"),
            DependencyGroups = document.OptionalStringArray("dependency-groups"),
            DefaultGroups = document.OptionalStringArray("default-groups"),
            Packages = (document.OptionalTableArray("packages") ?? throw document.ErrorAt("packages", "missing required key 'packages'"))
                .Select(ReadPackage)
                .ToArray(),
            Tool = document.OptionalData("tool"),
            Unknown = document.Remaining(),
        };
    }

    // The comment lines before the first line of TOML content, as venvstacks and uv write them.
    private static List<string> ReadHeaderComments(string text)
    {
        var comments = new List<string>();
        var position = 0;
        while (position < text.Length && text[position] == '#')
        {
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..end];
            comments.Add(line[1..].TrimEnd('\r'));
            position = end < 0 ? text.Length : end + 1;
        }

        return comments;
    }

    private static PyLockPackage ReadPackage(TomlTableReader package) =>
        new()
        {
            Name = package.RequiredString("name"),
            Version = package.OptionalParsedString("version", Pep440.Version.Parse),
            Marker = package.OptionalParsedString("marker", Marker.Parse),
            RequiresPython = package.OptionalParsedString("requires-python", text => SpecifierSet.Parse(text)),
            Dependencies = package.OptionalDataArray("dependencies"),
            Index = package.OptionalString("index"),
            Vcs = package.OptionalTable("vcs") is { } vcs ? ReadVcs(vcs) : null,
            Directory = package.OptionalTable("directory") is { } directory ? ReadDirectory(directory) : null,
            Archive = package.OptionalTable("archive") is { } archive ? ReadArchive(archive) : null,
            Sdist = package.OptionalTable("sdist") is { } sdist ? ReadSdist(sdist) : null,
            Wheels = package.OptionalTableArray("wheels")?.Select(ReadWheel).ToArray(),
            AttestationIdentities = package.OptionalDataArray("attestation-identities"),
            Tool = package.OptionalData("tool"),
            Unknown = package.Remaining(),
        };

    private static PyLockWheel ReadWheel(TomlTableReader wheel) =>
        new()
        {
            Name = wheel.OptionalString("name"),
            Url = wheel.OptionalString("url"),
            Path = wheel.OptionalString("path"),
            UploadTime = wheel.OptionalOffsetDateTime("upload-time"),
            Size = wheel.OptionalSize("size"),
            Hashes = wheel.RequiredStringTable("hashes"),
            Unknown = wheel.Remaining(),
        };

    private static PyLockSdist ReadSdist(TomlTableReader sdist) =>
        new()
        {
            Name = sdist.OptionalString("name"),
            Url = sdist.OptionalString("url"),
            Path = sdist.OptionalString("path"),
            UploadTime = sdist.OptionalOffsetDateTime("upload-time"),
            Size = sdist.OptionalSize("size"),
            Hashes = sdist.RequiredStringTable("hashes"),
            Unknown = sdist.Remaining(),
        };

    private static PyLockArchive ReadArchive(TomlTableReader archive) =>
        new()
        {
            Url = archive.OptionalString("url"),
            Path = archive.OptionalString("path"),
            Size = archive.OptionalSize("size"),
            UploadTime = archive.OptionalOffsetDateTime("upload-time"),
            Subdirectory = archive.OptionalString("subdirectory"),
            Hashes = archive.RequiredStringTable("hashes"),
            Unknown = archive.Remaining(),
        };

    private static PyLockVcs ReadVcs(TomlTableReader vcs) =>
        new()
        {
            Type = vcs.RequiredString("type"),
            Url = vcs.OptionalString("url"),
            Path = vcs.OptionalString("path"),
            RequestedRevision = vcs.OptionalString("requested-revision"),
            CommitId = vcs.RequiredString("commit-id"),
            Subdirectory = vcs.OptionalString("subdirectory"),
            Unknown = vcs.Remaining(),
        };

    private static PyLockDirectory ReadDirectory(TomlTableReader directory) =>
        new()
        {
            Path = directory.RequiredString("path"),
            Editable = directory.OptionalBoolean("editable"),
            Subdirectory = directory.OptionalString("subdirectory"),
            Unknown = directory.Remaining(),
        };
}
