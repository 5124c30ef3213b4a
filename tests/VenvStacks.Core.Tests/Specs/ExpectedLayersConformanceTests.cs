using System.Text.Json;
using VenvStacks.Core.Specs;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>
/// Every <c>expected_layers.json</c> in the venvstacks data (minimal, sample and local-wheels projects): build names,
/// runtimes, C3 framework order, disabled layers and stack order.
/// </summary>
[Trait("Category", "Conformance")]
public class ExpectedLayersConformanceTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestData.PathTo("venvstacks"), "expected_layers.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestData.PathTo("venvstacks"), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_layers_match_the_expected_names_runtimes_and_framework_order(string expectedFile)
    {
        var expectedPath = TestData.PathTo("venvstacks", expectedFile);
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var root = expected.RootElement;
        var specPath = TestData.PathTo("venvstacks", root.GetProperty("spec").GetString()!);

        var result = StackSpecLoader.Load(specPath, StackSpecLoadOptions.Empty);
        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Diagnostics));
        var spec = result.Spec!;

        foreach (var (group, kind) in new[] { ("runtimes", LayerKind.Runtime), ("frameworks", LayerKind.Framework), ("applications", LayerKind.Application), ("disabled_applications", LayerKind.Application) })
        {
            if (!root.TryGetProperty(group, out var layers))
            {
                continue;
            }

            foreach (var layer in layers.EnumerateArray())
            {
                var actual = spec.GetLayer(layer.GetProperty("env_name").GetString()!);
                actual.Kind.ShouldBe(kind);
                actual.Name.ShouldBe(layer.GetProperty("spec_name").GetString());
                actual.IsEnabled.ShouldBe(group != "disabled_applications");
                if (layer.TryGetProperty("runtime", out var runtime))
                {
                    actual.Runtime.Name.ShouldBe(runtime.GetString());
                    actual.Frameworks.Select(f => f.Name).ShouldBe(
                        layer.GetProperty("resolved_frameworks").EnumerateArray().Select(f => f.GetString()!));
                }
            }
        }

        if (root.TryGetProperty("expected_all_environments_order", out var order))
        {
            spec.Layers.Select(l => l.BuildName).ShouldBe(order.EnumerateArray().Select(e => e.GetString()!));
        }
    }
}
