using System.Collections.Concurrent;
using System.Text.Json;
using VenvStacks.TestSupport;

namespace VenvStacks.Packaging.Tests.Pep440;

/// <summary>
/// Reads the pypa/packaging conformance files (<c>$VENVSTACKS_TESTDATA/pypa-packaging/*.json</c>) and exposes
/// each case list as theory data: one row per case, identified by its index and a readable label.
/// </summary>
internal static class PypaPackagingData
{
    private static readonly ConcurrentDictionary<string, JsonDocument> Documents = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string File, string Section), JsonElement[]> Sections = new();

    public static JsonElement File(string fileName) =>
        Documents.GetOrAdd(fileName, name => JsonDocument.Parse(System.IO.File.ReadAllBytes(TestData.PathTo("pypa-packaging", name)))).RootElement;

    /// <summary>Rows of <c>[index, label]</c> for every case of a section, read from the file.</summary>
    public static TheoryData<int, string> Cases(string fileName, string section)
    {
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (var element in File(fileName).GetProperty(section).EnumerateArray())
        {
            data.Add(index++, Label(element));
        }

        return data;
    }

    // JsonElement's array indexer walks the array, so each section is materialised once.
    public static JsonElement Case(string fileName, string section, int index) =>
        Sections.GetOrAdd((fileName, section), key => File(key.File).GetProperty(key.Section).EnumerateArray().ToArray())[index];

    public static string? StringOrNull(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();

    public static bool? BoolOrNull(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetBoolean() : null;

    public static long? LongOrNull(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetInt64();

    public static string[] Strings(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToArray();

    private static string Label(JsonElement element)
    {
        var first = element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().First().Value : element;
        var text = first.ValueKind == JsonValueKind.String ? first.GetString()! : first.GetRawText();
        return JsonSerializer.Serialize(text);
    }
}
