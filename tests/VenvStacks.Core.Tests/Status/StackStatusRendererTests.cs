using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Specs;
using VenvStacks.Core.Status;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Status;

[Trait("Category", "Conformance")]
public class StackStatusRendererTests
{
    private static StackSpec MinimalProject()
    {
        var result = StackSpecLoader.Load(TestData.PathTo("venvstacks", "minimal_project", "venvstacks.toml"), StackSpecLoadOptions.Empty);
        return result.Spec.ShouldNotBeNull(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void The_tree_matches_venvstacks_show_for_the_unlocked_minimal_project()
    {
        var spec = MinimalProject();
        var expected = File.ReadAllText(TestData.PathTo("venvstacks", "minimal_project", "expected_show.txt"))
            .ReplaceLineEndings("\n")
            .Replace("{spec_path}", spec.SpecPath, StringComparison.Ordinal)
            .TrimEnd('\n');

        var report = StackStatusBuilder.Build(spec, _ => LayerLockSummary.Unlocked);

        StackStatusRenderer.RenderTree(report).ShouldBe(expected);
    }

    [Fact]
    public void The_json_matches_venvstacks_stack_status_with_operations()
    {
        var spec = MinimalProject();
        using var expectedDocument = JsonDocument.Parse(File.ReadAllText(TestData.PathTo("venvstacks", "minimal_project", "expected_stack_status.json")));
        var expected = JsonNode.Parse(expectedDocument.RootElement.GetProperty("status").GetRawText())!;
        expected["spec_name"] = spec.SpecPath;

        var report = StackStatusBuilder.Build(
            spec,
            _ => LayerLockSummary.Unlocked,
            includeDependencies: false,
            selectedOperations: _ => ["lock-if-needed", "build", "publish"]);
        var actual = JsonNode.Parse(StackStatusRenderer.RenderJson(report))!;

        JsonNode.DeepEquals(actual, expected).ShouldBeTrue(actual.ToJsonString());
    }

    [Fact]
    public void Valid_locks_drop_the_star_and_versioned_layers_show_their_deployed_name()
    {
        var status = new LayerStatus("framework-scipy", "framework-scipy@5", true, ImmutableArray.Create("build"), null);

        StackStatusRenderer.Label(status).ShouldBe("framework-scipy -> framework-scipy@5 (build)");
        StackStatusRenderer.Label(status with { HasValidLock = false, SelectedOperations = null }).ShouldBe("*framework-scipy -> framework-scipy@5");
    }

    [Fact]
    public void Json_lists_dependencies_with_null_operations_as_show_does()
    {
        var report = StackStatusBuilder.Build(MinimalProject(), _ => LayerLockSummary.Unlocked);
        var json = JsonNode.Parse(StackStatusRenderer.RenderJson(report))!;

        var app = json["applications"]![0]!;
        app["name"]!.GetValue<string>().ShouldBe("app-empty");
        app["selected_operations"].ShouldBeNull();
        app["dependencies"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).Last().ShouldBe("cpython-3.11");
        json["runtimes"]![0]!.AsObject().ContainsKey("dependencies").ShouldBeFalse();
    }
}
