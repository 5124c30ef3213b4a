using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

public sealed class MacOSTargetTests
{
    [Fact]
    public void Default_is_macOS_13_0()
    {
        MacOSTarget.Default.ShouldBe(new MacOSTarget(13, 0));
        MacOSTarget.Parse(MacOSTarget.DefaultText).ShouldBe(MacOSTarget.Default);
        MacOSTarget.Default.ToString().ShouldBe("13.0");
    }

    [Theory]
    [InlineData("14", 14, 0)]
    [InlineData("14.0", 14, 0)]
    [InlineData("10.15", 10, 15)]
    [InlineData("14.2.1", 14, 2)]
    public void Bare_major_means_minor_zero_and_extra_parts_are_ignored(string value, int major, int minor)
    {
        MacOSTarget.Parse(value).ShouldBe(new MacOSTarget(major, minor));
    }

    [Theory]
    [InlineData("", "invalid literal for int() with base 10: ''", 0)]
    [InlineData("fourteen", "invalid literal for int() with base 10: 'fourteen'", 0)]
    [InlineData("14.x", "invalid literal for int() with base 10: 'x'", 3)]
    [InlineData("14..1", "invalid literal for int() with base 10: ''", 3)]
    [InlineData("-14", "invalid literal for int() with base 10: '-14'", 0)]
    [InlineData("11.", "invalid literal for int() with base 10: ''", 3)]
    public void Non_integer_parts_fail_with_pythons_int_message(string value, string message, int position)
    {
        var error = Should.Throw<PackagingFormatException>(() => MacOSTarget.Parse(value));

        error.Message.ShouldBe(message);
        error.Position.ShouldBe(position);
        error.Input.ShouldBe(value);
    }

    [Theory]
    [InlineData(10, 9, true)]
    [InlineData(13, 0, true)]
    [InlineData(13, 1, false)]
    [InlineData(14, 0, false)]
    public void Accepts_wheels_whose_minimum_macOS_is_not_newer(int major, int minor, bool accepted)
    {
        MacOSTarget.Default.Accepts(major, minor).ShouldBe(accepted);
    }
}
