using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>Build-name patterns match as Python's fnmatch does on POSIX (case-sensitive).</summary>
public sealed class LayerPatternTests
{
    [Theory]
    [InlineData("app-*", "app-one", true)]
    [InlineData("app-*", "framework-app", false)]
    [InlineData("framework-?", "framework-a", true)]
    [InlineData("framework-?", "framework-ab", false)]
    [InlineData("cpython-3.1[12]", "cpython-3.12", true)]
    [InlineData("cpython-3.1[!12]", "cpython-3.13", true)]
    [InlineData("cpython-3.1[!12]", "cpython-3.11", false)]
    [InlineData("app-[]x]", "app-]", true)]
    [InlineData("app-[", "app-[", true)]
    [InlineData("layer.(x)+", "layer.(x)+", true)]
    [InlineData("App-*", "app-one", false)]
    [InlineData("*", "anything@1", true)]
    public void Matches_like_fnmatch(string pattern, string buildName, bool expected) =>
        LayerPattern.Parse(pattern).Matches(buildName).ShouldBe(expected);
}
