using System.Text.Json;
using Microsoft.Build.Framework;
using VenvStacks.Tasks;
using VenvStacks.TestSupport;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>ShowStackLayers prints venvstacks' show output at high importance.</summary>
public sealed class ShowStackLayersTests
{
    [Fact]
    public void The_tree_is_logged_verbatim_at_high_importance()
    {
        var spec = TestData.PathTo("venvstacks", "minimal_project", "venvstacks.toml");
        var expected = File.ReadAllText(TestData.PathTo("venvstacks", "minimal_project", "expected_show.txt"))
            .Replace("{spec_path}", spec, StringComparison.Ordinal).TrimEnd();
        var engine = new RecordingBuildEngine();

        new ShowStackLayers { BuildEngine = engine, Spec = spec }.Execute().ShouldBeTrue();

        engine.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message)
            .ShouldHaveSingleItem().ShouldBe(expected);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("JSON")]
    public void Json_format_logs_the_status_document(string format)
    {
        var spec = TestData.Asset("diamond", "venvstacks.toml");
        var engine = new RecordingBuildEngine();

        new ShowStackLayers { BuildEngine = engine, Spec = spec, Format = format }.Execute().ShouldBeTrue();

        var text = engine.Messages.Single(m => m.Importance == MessageImportance.High).Message!;
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("spec_name").GetString().ShouldBe(spec);
    }

    [Fact]
    public void An_unknown_format_is_VSTK5003_and_nothing_is_printed()
    {
        var engine = new RecordingBuildEngine();

        new ShowStackLayers { BuildEngine = engine, Spec = TestData.Asset("diamond", "venvstacks.toml"), Format = "yaml" }
            .Execute().ShouldBeFalse();

        engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("VSTK5003");
        engine.Messages.Where(m => m.Importance == MessageImportance.High).ShouldBeEmpty();
    }
}
