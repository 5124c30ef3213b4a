using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

public sealed class VersionTests
{
    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("  v1.0\t", "1.0")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("1.0.0-ALPHA.2", "1.0.0a2")]
    [InlineData("1.0c1", "1.0rc1")]
    [InlineData("1.0-preview-3", "1.0rc3")]
    [InlineData("1.0_rev", "1.0.post0")]
    [InlineData("1.0DEV", "1.0.dev0")]
    [InlineData("0!1.0+Ubuntu-001_b", "1.0+ubuntu.1.b")]
    [InlineData("01.002", "1.2")]
    public void Normalizes_every_accepted_spelling_to_the_canonical_form(string input, string canonical)
    {
        Version.Parse(input).ToString().ShouldBe(canonical);
    }

    [Fact]
    public void Exposes_the_parts_of_a_version()
    {
        var version = Version.Parse("2!1.2.3rc4.post5.dev6+abc.7");

        version.Epoch.ShouldBe(2);
        version.Release.ShouldBe([1L, 2L, 3L]);
        version.Pre.ShouldBe(("rc", 4L));
        version.Post.ShouldBe(5);
        version.Dev.ShouldBe(6);
        version.Local.ShouldBe("abc.7");
        (version.Major, version.Minor, version.Micro).ShouldBe((1L, 2L, 3L));
        version.Public.ShouldBe("2!1.2.3rc4.post5.dev6");
        version.BaseVersion.ShouldBe("2!1.2.3");
        version.IsPrerelease.ShouldBeTrue();
        version.IsPostrelease.ShouldBeTrue();
        version.IsDevrelease.ShouldBeTrue();
    }

    [Fact]
    public void Orders_dev_before_pre_before_final_before_post_and_locals_after_the_public_version()
    {
        string[] ascending =
        [
            "1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a1.post1", "1.0b1", "1.0rc1", "1.0",
            "1.0+abc", "1.0+abc.5", "1.0+5", "1.0.post1.dev1", "1.0.post1", "1.1.dev0", "1!0.1",
        ];

        var versions = ascending.Select(Version.Parse).ToArray();

        versions.Reverse().Order().Select(version => version.ToString()).ShouldBe(ascending);
    }

    [Fact]
    public void Treats_trailing_zeros_and_local_label_case_as_equal()
    {
        Version.Parse("1.0").ShouldBe(Version.Parse("1.0.0"));
        Version.Parse("1.0+ABC").ShouldBe(Version.Parse("1.0+abc"));
        Version.Parse("1.0").GetHashCode().ShouldBe(Version.Parse("1.0.0.0").GetHashCode());
        (Version.Parse("1.0") == Version.Parse("1.0+local")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1.0.0", true, "1")]
    [InlineData("1.0.0", false, "1.0.0")]
    [InlineData("1.4.0.0.0rc1", true, "1.4rc1")]
    [InlineData("0.0", true, "0")]
    [InlineData("not a version", true, "not a version")]
    public void Canonicalizes_like_packaging_canonicalize_version(string input, bool stripTrailingZeros, string expected)
    {
        Version.Canonicalize(input, stripTrailingZeros).ShouldBe(expected);
    }

    [Fact]
    public void Rejects_invalid_text_with_packaging_message_and_the_position_of_the_problem()
    {
        var error = Should.Throw<PackagingFormatException>(() => Version.Parse("1.0+İ"));

        error.Message.ShouldBe("Invalid version: '1.0+İ'");
        error.Position.ShouldBe(3);
        error.Input.ShouldBe("1.0+İ");
        Version.TryParse("1.0+İ", out var version).ShouldBeFalse();
        version.ShouldBeNull();
    }

    [Fact]
    public void Rejects_numbers_beyond_64_bits_instead_of_overflowing()
    {
        var error = Should.Throw<PackagingFormatException>(() => Version.Parse("1.99999999999999999999"));

        error.Position.ShouldBe(2);
        error.Message.ShouldContain("9223372036854775807");
        Version.Parse("1.9223372036854775807").Minor.ShouldBe(long.MaxValue);
    }
}
