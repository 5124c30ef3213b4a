using System.Text.Json;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Sdk;

/// <summary><c>dotnet build -t:ShowLayers</c> prints the venvstacks <c>show</c> tree (or JSON) of the stack.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class ShowLayersTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(SdkReferenceStyle.GlobalJson)]
    [InlineData(SdkReferenceStyle.ProjectAttribute)]
    public Task ShowLayers_prints_the_layer_tree_of_a_framework_diamond(SdkReferenceStyle style) => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");
        var expected = File.ReadAllText(TestData.Asset("diamond", "expected_show.txt"))
            .Replace("{spec_path}", project.SpecPath, StringComparison.Ordinal).TrimEnd();

        var result = await project.BuildAsync("-t:ShowLayers");

        result.ShouldSucceed();
        result.Log.HighImportanceMessages.Select(m => m.TrimEnd()).ShouldContain(expected, result.Describe());
        ConsoleText.ContainsLines(result.Output, expected).ShouldBeTrue(result.Describe());
    }, style);

    [Fact]
    public Task ShowLayers_prints_the_status_as_json_when_asked() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");

        var result = await project.BuildAsync("-t:ShowLayers", "-p:VenvStacksShowFormat=json");

        result.ShouldSucceed();
        var json = result.Log.HighImportanceMessages.Single(m => m.TrimStart().StartsWith('{'));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("spec_name").GetString().ShouldBe(project.SpecPath);
        Names(root.GetProperty("runtimes")).ShouldBe(["cpython-3.11"]);
        Names(root.GetProperty("frameworks")).ShouldBe(["framework-A", "framework-B", "framework-C", "framework-D"]);
        var app = root.GetProperty("applications").EnumerateArray().ShouldHaveSingleItem();
        app.GetProperty("name").GetString().ShouldBe("app-app");
        app.GetProperty("install_target").GetString().ShouldBe("app-app");
        app.GetProperty("has_valid_lock").GetBoolean().ShouldBeFalse();
        ConsoleText.ContainsLines(result.Output, json).ShouldBeTrue(result.Describe());
    });

    [Fact]
    public Task An_unknown_show_format_is_a_coded_error() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");

        var result = await project.BuildAsync("-t:ShowLayers", "-p:VenvStacksShowFormat=yaml");

        result.ShouldFail();
        var error = result.Log.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK5003");
        error.Message.ShouldContain("yaml");
    });

    private static List<string?> Names(JsonElement layers) =>
        [.. layers.EnumerateArray().Select(layer => layer.GetProperty("name").GetString())];
}
