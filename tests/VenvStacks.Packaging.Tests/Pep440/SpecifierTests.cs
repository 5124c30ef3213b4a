using VenvStacks.Packaging.Pep440;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

public sealed class SpecifierTests
{
    [Theory]
    [InlineData("==1.2.*", "1.2", true)]
    [InlineData("==1.2.*", "1.2.9.post1+local", true)]
    [InlineData("==1.2.*", "1.3.dev0", false)]
    [InlineData("==1.0", "1.0+local", true)]
    [InlineData("==1.0+local", "1.0", false)]
    [InlineData("<=1.0", "1.0+local", true)]
    [InlineData("<1.0", "1.0rc1", false)]
    [InlineData("<1.0rc2", "1.0rc1", true)]
    [InlineData(">1.0", "1.0.post1", false)]
    [InlineData(">1.0", "1.0+local", false)]
    [InlineData(">1.0.post1", "1.0.post2", true)]
    [InlineData("~=2.2.1", "2.2.9", true)]
    [InlineData("~=2.2.1", "2.3", false)]
    [InlineData("~=2.2", "2.9", true)]
    [InlineData("!=1.5.*", "1.5.1", false)]
    [InlineData("===1.0", "1.0", true)]
    [InlineData("===1.0", "1.0.0", false)]
    public void Matches_versions_by_PEP_440_operator_rules(string specifier, string version, bool expected)
    {
        Specifier.Parse(specifier).Contains(version).ShouldBe(expected);
    }

    [Fact]
    public void Contains_accepts_a_pre_release_unless_the_policy_says_no()
    {
        var specifier = Specifier.Parse(">=1.0");

        specifier.Prereleases.ShouldBe(false);
        specifier.Contains("2.0a1").ShouldBeTrue();
        specifier.Contains("2.0a1", prereleases: false).ShouldBeFalse();
        Specifier.Parse(">=1.0", prereleases: false).Contains("2.0a1").ShouldBeFalse();
        Specifier.Parse(">=1.0a1").Prereleases.ShouldBe(true);
        Specifier.Parse("!=1.0a1").Prereleases.ShouldBe(false);
    }

    [Fact]
    public void Filter_returns_pre_releases_only_when_no_final_release_matches()
    {
        var specifier = Specifier.Parse(">=1.0");

        specifier.Filter(["2.0a1", "1.5", "3.0b1"]).ShouldBe(["1.5"]);
        specifier.Filter(["2.0a1", "0.5", "3.0b1"]).ShouldBe(["2.0a1", "3.0b1"]);
        specifier.Filter(["2.0a1", "1.5"], prereleases: true).ShouldBe(["2.0a1", "1.5"]);
    }

    [Fact]
    public void Text_that_is_not_a_version_matches_only_arbitrary_equality()
    {
        Specifier.Parse(">=1.0").Contains("not-a-version").ShouldBeFalse();
        Specifier.Parse("===Not-A-Version").Contains("not-a-version").ShouldBeTrue();
    }

    [Fact]
    public void Equality_ignores_trailing_zeros_except_for_the_compatible_operator()
    {
        Specifier.Parse("==1.2").ShouldBe(Specifier.Parse("== 1.2.0"));
        Specifier.Parse("~=1.2").ShouldNotBe(Specifier.Parse("~=1.2.0"));
        Specifier.Parse(" >= 1.0 ").ToString().ShouldBe(">=1.0");
    }

    [Fact]
    public void Rejects_operators_with_versions_they_do_not_allow()
    {
        Should.Throw<PackagingFormatException>(() => Specifier.Parse(">=1.0.*")).Message.ShouldBe("Invalid specifier: '>=1.0.*'");
        Should.Throw<PackagingFormatException>(() => Specifier.Parse("~=1")).Position.ShouldBe(0);
        Should.Throw<PackagingFormatException>(() => Specifier.Parse("<=1.0+local")).Position.ShouldBe(5);
    }

    [Fact]
    public void Contains_of_a_parsed_version_agrees_with_contains_of_its_text()
    {
        var specifier = Specifier.Parse("~=1.4.2");

        specifier.Contains(Version.Parse("1.4.5")).ShouldBeTrue();
        specifier.Contains(Version.Parse("1.5")).ShouldBeFalse();
    }
}
