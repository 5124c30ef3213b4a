using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.TestSupport;

namespace VenvStacks.Packaging.Tests.Pep425;

/// <summary>pypa-packaging/tags.json, read once per test run (see the data folder's README.md for the fields).</summary>
internal static class TagsData
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(TestData.PathTo("pypa-packaging", "tags.json")))!.AsObject());

    public static IReadOnlyDictionary<string, TagTarget> Targets => Document.Value["targets"]!.AsObject()
        .ToDictionary(entry => entry.Key, entry => entry.Value.Deserialize<TagTarget>(Json.Options)!);

    public static IReadOnlyList<T> Cases<T>(string section) =>
        Document.Value[section]!.AsArray().Select(node => node.Deserialize<T>(Json.Options)!).ToList();

    /// <summary>One case per row of <paramref name="section"/>, identified by its index and a readable label.</summary>
    public static TheoryData<int, string> Indexed<T>(string section, Func<T, string> label)
    {
        var data = new TheoryData<int, string>();
        var cases = Cases<T>(section);
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(i, label(cases[i]));
        }

        return data;
    }
}

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

internal sealed record TagTarget(string Description, int[] PythonVersion, string Interpreter, string[] Abis, string[] Platforms);

internal sealed record SupportedTagsCase(string Target, int Count, string[] Tags);

internal sealed record WheelFileNameCase(string Filename, bool Valid, bool? ValidStrictOrder, string? Name, string? Version, JsonArray? Build, string[]? Tags);

internal sealed record TagParseCase(string Tag, bool Valid, string[]? Tags);

internal sealed record WheelSelectionCase(string Target, string Set, string[] Filenames, string[] Selected);
