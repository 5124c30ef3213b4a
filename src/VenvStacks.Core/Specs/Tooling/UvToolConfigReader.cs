using System.Collections.Immutable;
using Tomlyn;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs.Reading;
using VenvStacks.Core.Toml;

namespace VenvStacks.Core.Specs.Tooling;

/// <summary>
/// Reads the stack's uv settings: the inline <c>[tool.uv]</c> table, or <c>venvstacks.uv.toml</c> next to the spec
/// when the spec has none (inline wins, as in venvstacks).
/// </summary>
internal sealed class UvToolConfigReader(string specPath, StackSpecLoadOptions options, DiagnosticBag diagnostics)
{
    /// <summary>The file name venvstacks falls back to.</summary>
    public const string FallbackFileName = "venvstacks.uv.toml";

    private static readonly string[] IndexKeys =
        ["name", "url", "explicit", "default", "format", "authenticate", "ignore-error-codes", "cache-control", "publish-url"];

    public UvToolConfig Read(TomlTableNode root)
    {
        var (uvTable, sourcePath) = FindUvTable(root);
        if (uvTable is null)
        {
            return ApplyEnvironment(UvToolConfig.Empty);
        }

        var indexes = ReadIndexes(uvTable, sourcePath!);
        var named = indexes.Where(i => i.Name is not null).Select(i => i.Name!).ToHashSet(StringComparer.Ordinal);
        var sources = ReadSources(uvTable, named);
        var excludeNewer = ReadExcludeNewer(uvTable);
        var others = uvTable.Entries
            .Where(e => e.Key is not ("index" or "sources" or "exclude-newer"))
            .ToImmutableDictionary(e => e.Key, e => e.Value.ToPlainValue(), StringComparer.Ordinal);
        return ApplyEnvironment(new UvToolConfig(sourcePath, indexes, sources, excludeNewer, others));
    }

    private (TomlTableNode? Table, string? SourcePath) FindUvTable(TomlTableNode root)
    {
        var tool = root.Find("tool");
        if (tool is not null && tool.Value is not TomlTableNode)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, $"'tool' must be a table, not {SpecTableReader.Article(tool.Value.TypeName)}", tool.Value.Location);
            return (null, null);
        }

        var uv = (tool?.Value as TomlTableNode)?.Find("uv");
        if (uv is not null)
        {
            if (uv.Value is TomlTableNode uvTable)
            {
                return (uvTable, specPath);
            }

            diagnostics.Error(DiagnosticCodes.WrongType, $"'tool.uv' must be a table, not {SpecTableReader.Article(uv.Value.TypeName)}", uv.Value.Location);
            return (null, null);
        }

        var fallback = Path.Combine(Path.GetDirectoryName(specPath)!, FallbackFileName);
        if (!File.Exists(fallback))
        {
            return (null, null);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fallback);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.SpecNotFound, $"'{fallback}' cannot be read: {ex.Message}", SourceLocation.FileOnly(fallback));
            return (null, null);
        }

        var text = TomlFileText.Decode(bytes, fallback, diagnostics);
        return (text is null ? null : TomlDocumentReader.Read(text, fallback, diagnostics), fallback);
    }

    private ImmutableArray<PackageIndex> ReadIndexes(TomlTableNode uv, string sourcePath)
    {
        var entry = uv.Find("index");
        if (entry is null)
        {
            return [];
        }

        if (entry.Value is not TomlArrayNode array || array.Items.Any(i => i is not TomlTableNode))
        {
            diagnostics.Error(DiagnosticCodes.WrongType, "'tool.uv.index' must be an array of tables ([[tool.uv.index]])", entry.Value.Location);
            return [];
        }

        var result = ImmutableArray.CreateBuilder<PackageIndex>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var table in array.Items.Cast<TomlTableNode>())
        {
            position++;
            var reader = new SpecTableReader(table, $"package index #{position} in {Path.GetFileName(sourcePath)}", diagnostics);
            var name = reader.String("name");
            var duplicate = false;
            if (name is { } n)
            {
                reader.Description = $"package index '{n.Value}'";
                if (!IsValidIndexName(n.Value))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidToolConfig, $"Package index name '{n.Value}' may only contain ASCII letters, digits, '-', '_' and '.'", n.Location);
                }
                else if (!seen.Add(n.Value))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidToolConfig, $"Package index names must be distinct ('{n.Value}' already defined)", n.Location);
                    duplicate = true;
                }
            }

            var url = reader.String("url", required: true);
            // An unusable URL fails the spec; the index stays listed so that references to its name add no follow-on errors.
            if (url is { } location && PackageIndexLocation.Problem(location.Value) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.InvalidIndexUrl, problem, location.Location);
            }

            var isExplicit = reader.Boolean("explicit")?.Value ?? false;
            var isDefault = reader.Boolean("default")?.Value ?? false;
            var format = reader.String("format");
            if (format is { } f && f.Value is not ("flat" or "simple"))
            {
                diagnostics.Error(DiagnosticCodes.InvalidToolConfig, $"Package index format must be 'simple' or 'flat', not '{f.Value}'", f.Location);
            }

            reader.ReportUnknownKeys(IndexKeys);
            // A second index of the same name is reported and left out: names must map to one index.
            if (url is { } u && !duplicate)
            {
                result.Add(new PackageIndex(name?.Value, u.Value, isExplicit, isDefault, format?.Value == "flat" ? "flat" : null, table.Location)
                {
                    UrlLocation = u.Location,
                });
            }
        }

        return result.ToImmutable();
    }

    private ImmutableDictionary<string, string> ReadSources(TomlTableNode uv, HashSet<string> namedIndexes)
    {
        var entry = uv.Find("sources");
        if (entry is null)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        if (entry.Value is not TomlTableNode table)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, "'tool.uv.sources' must be a table", entry.Value.Location);
            return ImmutableDictionary<string, string>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var route = new PackageRoute(Owner: null);
        foreach (var source in table.Entries)
        {
            if (source.Value is not TomlTableNode { Entries.Length: 1 } sourceTable
                || sourceTable.Find("index")?.Value is not TomlScalarNode { Value: string indexName } indexNode)
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidToolConfig,
                    $"Common uv source config for {source.Key} must be an index config ({{ index = \"<name>\" }}), not {Describe(source.Value)}",
                    source.Value.Location);
                continue;
            }

            if (route.Accept(new(source.Key, source.KeyLocation), new(indexName, indexNode.Location), namedIndexes, seen, diagnostics) is { } normalized)
            {
                result.Add(normalized, indexName);
            }
        }

        return result.ToImmutable();
    }

    private ExcludeNewer? ReadExcludeNewer(TomlTableNode uv)
    {
        var entry = uv.Find("exclude-newer");
        switch (entry?.Value)
        {
            case null:
                return null;
            case TomlScalarNode { Value: TomlDateTime dateTime }:
                return new ExcludeNewer(ExcludeNewerParser.FromToml(dateTime), dateTime.ToString(), false);
            case TomlScalarNode { Value: string text } node:
                if (ExcludeNewerParser.TryParse(text, out var cutoff))
                {
                    return new ExcludeNewer(cutoff, text, false);
                }

                diagnostics.Error(
                    DiagnosticCodes.InvalidToolConfig,
                    $"'exclude-newer' must be a timestamp such as \"2025-08-27T00:00:00Z\" or a date such as \"2025-08-27\", not '{text}'",
                    node.Location);
                return null;
            default:
                diagnostics.Error(DiagnosticCodes.WrongType, "'exclude-newer' must be a timestamp string or a TOML date-time", entry.Value.Location);
                return null;
        }
    }

    private UvToolConfig ApplyEnvironment(UvToolConfig config)
    {
        var fromEnvironment = options.Get(StackSpecLoadOptions.ExcludeNewerVariable);
        if (fromEnvironment is null)
        {
            return config;
        }

        if (!ExcludeNewerParser.TryParse(fromEnvironment, out var cutoff))
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidToolConfig,
                $"Environment variable {StackSpecLoadOptions.ExcludeNewerVariable} must be a timestamp or a date, not '{fromEnvironment}'",
                null);
            return config;
        }

        return config with { ExcludeNewer = new ExcludeNewer(cutoff, fromEnvironment, true) };
    }

    private static bool IsValidIndexName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Describe(TomlNode node) => node switch
    {
        TomlTableNode table => "{" + string.Join(", ", table.Entries.Select(e => e.Key)) + "}",
        _ => SpecTableReader.Article(node.TypeName),
    };
}
