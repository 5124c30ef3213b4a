using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Tests.Pep508;

public sealed class RequirementTests
{
    [Fact]
    public void Exposes_name_extras_specifier_and_marker()
    {
        var requirement = Requirement.Parse("Foo.Bar [test, Security,test] (>=1.0, <2) ; python_version < '3.12'");

        requirement.Name.ShouldBe("Foo.Bar");
        requirement.NormalizedName.ShouldBe(NormalizedName.From("foo-bar"));
        requirement.Extras.ShouldBe(["Security", "test"]);
        requirement.Specifier.ToString().ShouldBe("<2,>=1.0");
        requirement.Url.ShouldBeNull();
        requirement.Marker!.ToString().ShouldBe("python_version < \"3.12\"");
        requirement.ToString().ShouldBe("Foo.Bar[Security,test]<2,>=1.0; python_version < \"3.12\"");
        requirement.ToSingleQuotedString().ShouldBe("Foo.Bar[Security,test]<2,>=1.0; python_version < '3.12'");
    }

    [Fact]
    public void Prints_a_direct_reference_with_a_space_before_the_marker()
    {
        var requirement = Requirement.Parse("pip @ https://example.com/pip.zip ; os_name=='nt'");

        requirement.Url.ShouldBe("https://example.com/pip.zip");
        requirement.Specifier.ShouldBe(VenvStacks.Packaging.Pep440.SpecifierSet.Empty);
        requirement.ToString().ShouldBe("pip @ https://example.com/pip.zip ; os_name == \"nt\"");
    }

    [Fact]
    public void Equality_normalizes_names_extras_and_specifiers()
    {
        Requirement.Parse("Foo_Bar[Test]==1.0").ShouldBe(Requirement.Parse("foo-bar[test]==1.0.0"));
        Requirement.Parse("Foo_Bar[Test]==1.0").GetHashCode().ShouldBe(Requirement.Parse("foo-bar[test]==1.0.0").GetHashCode());
        Requirement.Parse("foo==1.0").ShouldNotBe(Requirement.Parse("foo==1.0; os_name == 'nt'"));
    }

    [Theory]
    [InlineData("name >= 1.0 <= 2.0", "Expected comma (within version specifier), semicolon (after version specifier) or end", 5, 7)]
    [InlineData("name 1.0", "Expected semicolon (after name with no version specifier) or end", 5, 0)]
    [InlineData("name (>= 1.0", "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", 5, 7)]
    [InlineData("name[bar baz]", "Expected comma between extra names", 9, 0)]
    [InlineData("@ url", "Expected package name at the start of dependency specifier", 0, 0)]
    [InlineData("name @ https://x/y.zip extra", "Expected semicolon (after URL and whitespace) or end", 7, 16)]
    [InlineData("name>=1.0.*", ".* suffix can only be used with `==` or `!=` operators", 4, 6)]
    [InlineData("name<=1.0+local", "Local version label can only be used with `==` or `!=` operators", 4, 5)]
    [InlineData("name===x,y", "Invalid specifier: 'y'", 9, 1)]
    public void Rejects_invalid_requirements_with_packaging_messages_and_spans(string text, string message, int position, int length)
    {
        var error = Should.Throw<PackagingFormatException>(() => Requirement.Parse(text));

        error.Message.ShouldBe(message);
        (error.Position, error.Length).ShouldBe((position, length));
        error.Input.ShouldBe(text);
    }

    [Fact]
    public void The_error_excerpt_points_at_the_span_like_packaging()
    {
        var error = Should.Throw<PackagingFormatException>(() => Requirement.Parse("name (>= 1.0"));

        error.FormatExcerpt().ShouldBe("    name (>= 1.0\n         ~~~~~~~^");
    }
}
