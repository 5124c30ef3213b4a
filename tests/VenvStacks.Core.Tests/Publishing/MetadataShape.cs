using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Specs;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// The published metadata fields as the reference documents them: the table of docs/venvstacks-reference.md §4.5, read
/// from the file (field, JSON type, which layers have it), so tests check against the document rather than a copy.
/// </summary>
internal sealed record MetadataShape(string Field, string Type, string PresentIn)
{
    private static readonly Lazy<IReadOnlyList<MetadataShape>> Table = new(Read);

    public static IReadOnlyList<MetadataShape> All => Table.Value;

    /// <summary>The fields a layer's published metadata must have, with their JSON kinds.</summary>
    public static IReadOnlyDictionary<string, JsonValueKind[]> Expected(LayerKind kind, bool hasSupportModules, bool dryRun) =>
        All.Where(f => Applies(f.PresentIn, kind, hasSupportModules, dryRun)).ToDictionary(f => f.Field, f => Kinds(f.Type));

    /// <summary>Asserts that <paramref name="metadata"/> has exactly the documented fields, each of its documented type.</summary>
    public static void Check(JsonObject metadata, LayerKind kind, bool hasSupportModules, bool dryRun)
    {
        var expected = Expected(kind, hasSupportModules, dryRun);
        var name = metadata["layer_name"]?.ToString();
        metadata.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), $"fields of {name}");
        foreach (var (field, kinds) in expected)
        {
            kinds.ShouldContain(metadata[field]!.GetValueKind(), $"{name}.{field}");
        }
    }

    private static bool Applies(string presentIn, LayerKind kind, bool hasSupportModules, bool dryRun) => presentIn switch
    {
        "all" or "publish" => true,
        "publish (not dry run)" => !dryRun,
        "frameworks, applications" => kind != LayerKind.Runtime,
        "applications" => kind == LayerKind.Application,
        "applications with support modules" => kind == LayerKind.Application && hasSupportModules,
        _ => throw new InvalidDataException($"docs/venvstacks-reference.md §4.5: unknown 'present in' value '{presentIn}'"),
    };

    private static JsonValueKind[] Kinds(string type) => type switch
    {
        "str" => [JsonValueKind.String],
        "int" => [JsonValueKind.Number],
        "bool" => [JsonValueKind.True, JsonValueKind.False],
        _ when type.StartsWith('[') => [JsonValueKind.Array],
        _ when type.StartsWith('{') => [JsonValueKind.Object],
        _ => throw new InvalidDataException($"docs/venvstacks-reference.md §4.5: unknown type '{type}'"),
    };

    private static List<MetadataShape> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "docs", "venvstacks-reference.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("### 4.5 ", StringComparison.Ordinal));
        var rows = lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("### ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => new MetadataShape(c[1].Trim('`'), c[2], c[3]))
            .ToList();
        rows.Count.ShouldBeGreaterThan(10, "the §4.5 table of docs/venvstacks-reference.md");
        return rows;
    }
}
