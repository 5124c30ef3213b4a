using System.Globalization;
using System.Text.Json;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// Reads a runtime download table (<see cref="RuntimeDownloadTable.Format"/>). Anything that would make a lookup
/// silently wrong is refused with VSTK3006 naming the table and the JSON path: an unknown platform key (a typo
/// would otherwise fall back to the embedded table unnoticed), a variant other than the two install-only ones (other
/// archives have another layout), a URL with credentials or of another scheme, a malformed sha256. Keys the lookup
/// does not use (<c>source</c>, <c>platforms</c>, <c>missing</c>, <c>legacy_name</c>, ...) are ignored.
/// </summary>
public static class RuntimeDownloadTableReader
{
    /// <summary>The two variants a runtime can be unpacked from (docs/venvstacks-reference.md §3.2).</summary>
    public static IReadOnlyList<string> Variants { get; } = ["install_only_stripped", "install_only"];

    /// <summary>Parses a table.</summary>
    /// <param name="json">The table's UTF-8 bytes.</param>
    /// <param name="source">The table as messages show it, a noun phrase: <c>the runtime table /path/table.json</c>.</param>
    /// <param name="baseUri">The table's own location, against which relative <c>url</c> values resolve; null when
    /// relative URLs are not allowed (the embedded table).</param>
    /// <param name="file">The local file the table was read from (the location of errors), or null.</param>
    /// <exception cref="RuntimeException">VSTK3006.</exception>
    public static RuntimeDownloadTable Parse(ReadOnlyMemory<byte> json, string source, Uri? baseUri, string? file)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } number ? string.Create(CultureInfo.InvariantCulture, $" (line {number + 1})") : string.Empty;
            throw Invalid(source, file, $"it is not valid JSON{line}: {e.Message}", e);
        }

        using (document)
        {
            return new Reading(source, baseUri, file).Table(document.RootElement);
        }
    }

    private static RuntimeException Invalid(string source, string? file, string detail, Exception? inner = null) =>
        new(DiagnosticCodes.RuntimeTableInvalid, $"Cannot use {source}: {detail}", file, inner);

    private sealed class Reading(string source, Uri? baseUri, string? file)
    {
        public RuntimeDownloadTable Table(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "the document");
            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != RuntimeDownloadTable.Format)
            {
                throw Fail($"\"format\" must be \"{RuntimeDownloadTable.Format}\" (the format of the embedded python-build-standalone.json).");
            }

            if (!root.TryGetProperty("versions", out var versions))
            {
                throw Fail("it has no \"versions\" object.");
            }

            Expect(versions, JsonValueKind.Object, "versions");
            var result = new Dictionary<string, IReadOnlyDictionary<TargetPlatform, RuntimeArchive>>(StringComparer.Ordinal);
            foreach (var version in versions.EnumerateObject())
            {
                CheckVersion(version.Name);
                Expect(version.Value, JsonValueKind.Object, Path(version.Name));
                var platforms = new Dictionary<TargetPlatform, RuntimeArchive>();
                foreach (var entry in version.Value.EnumerateObject())
                {
                    if (!TargetPlatform.TryParse(entry.Name, out var platform))
                    {
                        throw Fail($"{Path(version.Name)} names the platform \"{entry.Name}\"; platforms are {string.Join(", ", TargetPlatform.All.Select(p => p.Name))}.");
                    }

                    if (!platforms.TryAdd(platform, Archive(version.Name, platform, entry.Value)))
                    {
                        throw Fail($"{Path(version.Name, entry.Name)} appears twice.");
                    }
                }

                if (!result.TryAdd(version.Name, platforms))
                {
                    throw Fail($"{Path(version.Name)} appears twice.");
                }
            }

            return new RuntimeDownloadTable(source, result, FreeThreadedOnly(root));
        }

        private RuntimeArchive Archive(string version, TargetPlatform platform, JsonElement entry)
        {
            var path = Path(version, platform.Name);
            Expect(entry, JsonValueKind.Object, path);
            var variant = RequiredString(entry, path, "variant");
            if (!Variants.Contains(variant, StringComparer.Ordinal))
            {
                throw Fail($"{path}.variant is \"{variant}\"; only {string.Join(" and ", Variants)} archives can be used.");
            }

            return new RuntimeArchive(
                version,
                platform,
                variant,
                OptionalString(entry, path, "release_tag"),
                OptionalString(entry, path, "triple"),
                Url(RequiredString(entry, path, "url"), path),
                Sha256(entry, path),
                source);
        }

        private Uri Url(string text, string path)
        {
            Uri? url;
            if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1)
            {
                url = absolute;
            }
            else if (baseUri is not null && Uri.TryCreate(text, UriKind.Relative, out var relative))
            {
                url = new Uri(baseUri, relative);
            }
            else
            {
                throw Fail($"{path}.url \"{text}\" is not an absolute URL{(baseUri is null ? string.Empty : " or a relative reference")}.");
            }

            if (url.Scheme is not ("http" or "https" or "file"))
            {
                throw Fail($"{path}.url uses the scheme \"{url.Scheme}\"; archives come from http, https or file URLs.");
            }

            if (!string.IsNullOrEmpty(url.UserInfo))
            {
                throw Fail($"{path}.url contains credentials; give them in .netrc instead, so they never appear in tables or logs.");
            }

            return url;
        }

        private string? Sha256(JsonElement entry, string path)
        {
            if (!entry.TryGetProperty("sha256", out var value))
            {
                throw Fail($"{path} has no \"sha256\" (write null to say there is none).");
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.ToLowerInvariant() : null;
            return text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower)
                ? text
                : throw Fail($"{path}.sha256 must be 64 hexadecimal digits or null.");
        }

        private string[] FreeThreadedOnly(JsonElement root)
        {
            if (!root.TryGetProperty("freethreaded_only_versions_omitted", out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            Expect(list, JsonValueKind.Array, "freethreaded_only_versions_omitted");
            return list.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Fail("freethreaded_only_versions_omitted must list version strings."))
                .ToArray();
        }

        private void CheckVersion(string version)
        {
            try
            {
                PythonImplementation.Parse("cpython@" + version);
            }
            catch (PackagingFormatException e)
            {
                throw Fail($"versions has the key \"{version}\", which is not an exact version X.Y.Z ({e.Message}).");
            }
        }

        private string RequiredString(JsonElement entry, string path, string name) =>
            OptionalString(entry, path, name) is { Length: > 0 } text ? text : throw Fail($"{path}.{name} must be a non-empty string.");

        private string? OptionalString(JsonElement entry, string path, string name)
        {
            if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Fail($"{path}.{name} must be a string.");
        }

        private void Expect(JsonElement element, JsonValueKind kind, string what)
        {
            if (element.ValueKind != kind)
            {
                throw Fail($"{what} must be a JSON {kind.ToString().ToLowerInvariant()}, not {element.ValueKind.ToString().ToLowerInvariant()}.");
            }
        }

        private static string Path(params string[] keys) => "versions" + string.Concat(keys.Select(k => $"[\"{k}\"]"));

        private RuntimeException Fail(string detail) => Invalid(source, file, detail);
    }
}
