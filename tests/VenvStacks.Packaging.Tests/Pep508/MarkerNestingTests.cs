using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Tests.Pep508;

/// <summary>
/// Parenthesised marker groups nest at most <see cref="Marker.MaxNestingDepth"/> deep: deeper input is a positioned
/// format error at the first parenthesis too many, never a stack overflow.
/// </summary>
public sealed class MarkerNestingTests
{
    private static string Nested(int depth) =>
        new string('(', depth) + "python_version > \"3\"" + new string(')', depth);

    [Theory]
    [InlineData(65)]
    [InlineData(50_000)]
    public void Markers_nested_too_deep_are_format_errors_at_the_first_parenthesis_too_many(int depth)
    {
        var text = Nested(depth);

        var error = Should.Throw<PackagingFormatException>(() => Marker.Parse(text));

        error.Message.ShouldContain("nested more than 64");
        error.Position.ShouldBe(64);
        error.Input.ShouldBe(text);
    }

    [Fact]
    public void Requirements_with_markers_nested_too_deep_are_format_errors()
    {
        var text = "quillon<2 ; " + Nested(50_000);

        var error = Should.Throw<PackagingFormatException>(() => Requirement.Parse(text));

        error.Position.ShouldBe("quillon<2 ; ".Length + 64);
    }

    [Fact]
    public void Markers_nested_exactly_to_the_limit_parse_and_evaluate()
    {
        Marker.MaxNestingDepth.ShouldBe(64);
        var marker = Marker.Parse(Nested(64));

        marker.Evaluate(TestEnvironments.LinuxCPython311).ShouldBeTrue();
        Marker.Parse(marker.ToString()).ShouldBe(marker);
    }
}
