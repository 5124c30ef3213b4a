using System.Text.Json;
using System.Text.RegularExpressions;
using VenvStacks.Core.Specs;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>Every spec in venvstacks' <c>stack_specs/</c> behaves as <c>stack_specs_expected.json</c> says.</summary>
[Trait("Category", "Conformance")]
public class StackSpecFixtureConformanceTests
{
    private static readonly string ExpectedPath = TestData.PathTo("venvstacks", "stack_specs_expected.json");

    public static TheoryData<string> SpecFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestData.PathTo("venvstacks", "stack_specs"), "*.toml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_fixture_has_the_expected_outcome(string fileName)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(ExpectedPath));
        expected.RootElement.GetProperty("cases").TryGetProperty(fileName, out var testCase)
            .ShouldBeTrue($"{fileName} has no entry in stack_specs_expected.json");
        var outcome = testCase.GetProperty("outcome").GetString();

        var result = StackSpecLoader.Load(TestData.PathTo("venvstacks", "stack_specs", fileName), StackSpecLoadOptions.Empty);
        var messages = string.Join("\n", result.Diagnostics);

        switch (outcome)
        {
            case "load_ok":
                result.HasErrors.ShouldBeFalse(messages);
                result.Diagnostics.ShouldBeEmpty();
                CheckLayers(result.Spec!, testCase);
                break;
            case "load_ok_with_warning":
                result.HasErrors.ShouldBeFalse(messages);
                var warningPattern = new Regex(testCase.GetProperty("message_regex").GetString()!);
                result.Diagnostics.ShouldContain(d => !d.IsError && warningPattern.IsMatch(d.Message), messages);
                result.Spec!.AllLayers.Length.ShouldBe(testCase.GetProperty("expected").GetProperty("layer_count").GetInt32());
                break;
            case "spec_error":
                result.HasErrors.ShouldBeTrue();
                var errorPattern = new Regex(testCase.GetProperty("message_regex").GetString()!);
                result.Diagnostics.ShouldContain(d => d.IsError && errorPattern.IsMatch(d.Message), messages);
                result.Diagnostics.Where(d => d.IsError).ShouldAllBe(d => d.Location != null && d.Location.Line > 0);
                break;
            case "lock_error":
                // These specs are valid; the failure they expect comes from the resolver (see the locking tests).
                result.HasErrors.ShouldBeFalse(messages);
                break;
            default:
                throw new InvalidOperationException($"Unknown outcome '{outcome}' for {fileName}");
        }
    }

    private static void CheckLayers(StackSpec spec, JsonElement testCase)
    {
        var expected = testCase.GetProperty("expected");
        spec.AllLayers.Length.ShouldBe(expected.GetProperty("layer_count").GetInt32());
        var layers = expected.GetProperty("layers").EnumerateArray().ToList();
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = spec.AllLayers[i];
            layer.Name.ShouldBe(layers[i].GetProperty("name").GetString());
            layer.Versioned.ShouldBe(layers[i].GetProperty("versioned").GetBoolean());
            var category = layers[i].GetProperty("category").GetString();
            category.ShouldBe(layer.Kind switch
            {
                LayerKind.Runtime => "runtimes",
                LayerKind.Framework => "frameworks",
                _ => "applications",
            });
        }
    }
}
