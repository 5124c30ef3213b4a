using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Tests.Pep503;

public sealed class PackageNameTests
{
    [Theory]
    [InlineData("Django", "django")]
    [InlineData("oslo.concurrency", "oslo-concurrency")]
    [InlineData("Foo__Bar-.baz", "foo-bar-baz")]
    [InlineData("_not_legal", "-not-legal")]
    public void Canonicalize_lower_cases_and_collapses_separator_runs(string name, string expected)
    {
        PackageName.Canonicalize(name).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("A.b-C_d", true)]
    [InlineData("-a", false)]
    [InlineData("a_", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void IsValid_follows_the_PEP_508_name_rule(string name, bool expected)
    {
        PackageName.IsValid(name).ShouldBe(expected);
    }

    [Theory]
    [InlineData("foo-bar", true)]
    [InlineData("foo--bar", false)]
    [InlineData("Foo", false)]
    [InlineData("-foo", false)]
    public void IsNormalized_accepts_only_valid_canonical_names(string name, bool expected)
    {
        PackageName.IsNormalized(name).ShouldBe(expected);
    }

    [Fact]
    public void Normalized_names_compare_by_their_canonical_text()
    {
        NormalizedName.From("Zope.Interface").ShouldBe(NormalizedName.From("zope_interface"));
        NormalizedName.From("Zope.Interface").ToString().ShouldBe("zope-interface");
        (NormalizedName.From("a") < NormalizedName.From("B")).ShouldBeTrue();
        default(NormalizedName).Value.ShouldBe(string.Empty);
    }

    [Fact]
    public void Parses_sdist_file_names_at_the_last_hyphen()
    {
        var sdist = SdistFileName.Parse("Foo_Bar-1.0.post1.tar.gz");

        sdist.Name.Value.ShouldBe("foo-bar");
        sdist.Version.ToString().ShouldBe("1.0.post1");
        Should.Throw<PackagingFormatException>(() => SdistFileName.Parse("foo-1.0.tgz")).Message.ShouldStartWith("Invalid sdist filename (extension");
        Should.Throw<PackagingFormatException>(() => SdistFileName.Parse("foo-bar.zip")).Position.ShouldBe(4);
    }
}
