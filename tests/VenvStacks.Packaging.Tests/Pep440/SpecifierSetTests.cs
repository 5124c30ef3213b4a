using VenvStacks.Packaging.Pep440;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

public sealed class SpecifierSetTests
{
    [Fact]
    public void Prints_members_sorted_and_without_equivalent_duplicates()
    {
        var set = SpecifierSet.Parse(" >=1.0 , <2, ==1.5, == 1.5.0, ");

        set.ToString().ShouldBe("<2,==1.5,>=1.0");
        set.Count.ShouldBe(3);
        set[0].ToString().ShouldBe("<2");
    }

    [Fact]
    public void The_empty_set_matches_everything_and_prints_empty()
    {
        SpecifierSet.Parse("").ShouldBeSameAs(SpecifierSet.Empty);
        SpecifierSet.Empty.ToString().ShouldBe(string.Empty);
        SpecifierSet.Empty.Contains("1.0a1").ShouldBeTrue();
        SpecifierSet.Empty.Filter(["1.0a1", "0.9"]).ShouldBe(["0.9"]);
    }

    [Fact]
    public void Filter_keeps_the_input_order()
    {
        var set = SpecifierSet.Parse(">=1.0,!=1.5.*");

        set.Filter(["3.0", "1.5.2", "1.0", "2.0", "0.9"]).ShouldBe(["3.0", "1.0", "2.0"]);
    }

    [Fact]
    public void Filter_can_select_items_by_their_version()
    {
        var set = SpecifierSet.Parse("<2");
        var files = new[] { ("pkg-1.0.tar.gz", Version.Parse("1.0")), ("pkg-2.0.tar.gz", Version.Parse("2.0")) };

        set.Filter(files, file => file.Item2).Select(file => file.Item1).ShouldBe(["pkg-1.0.tar.gz"]);
        set.Filter(files, file => file.Item2.ToString()).Count().ShouldBe(1);
    }

    [Fact]
    public void An_installed_pre_release_is_always_acceptable()
    {
        var set = SpecifierSet.Parse(">=1.0", prereleases: false);

        set.Contains("2.0b1").ShouldBeFalse();
        set.Contains("2.0b1", installed: true).ShouldBeTrue();
    }

    [Fact]
    public void Intersection_combines_members_and_pre_release_policies()
    {
        var both = SpecifierSet.Parse(">=1.0") & SpecifierSet.Parse("<2.0", prereleases: true);

        both.ToString().ShouldBe("<2.0,>=1.0");
        both.Prereleases.ShouldBe(true);
        Should.Throw<ArgumentException>(() => SpecifierSet.Parse(">=1", prereleases: true).Intersect(SpecifierSet.Parse("<2", prereleases: false)));
    }

    [Fact]
    public void Reports_the_invalid_member_and_its_position_in_the_whole_text()
    {
        var error = Should.Throw<PackagingFormatException>(() => SpecifierSet.Parse(">=1.0, =>2.0"));

        error.Message.ShouldBe("Invalid specifier: '=>2.0'");
        error.Position.ShouldBe(7);
    }

    [Fact]
    public void Equality_compares_the_normalized_members()
    {
        SpecifierSet.Parse("<2,>=1.0").ShouldBe(SpecifierSet.Parse(">=1.0.0, <2"));
        SpecifierSet.Parse("<2,>=1.0").GetHashCode().ShouldBe(SpecifierSet.Parse(">=1.0.0, <2").GetHashCode());
        SpecifierSet.Parse(">=1").ShouldNotBe(SpecifierSet.Parse(">1"));
    }
}
