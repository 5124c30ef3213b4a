using System.Numerics;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Wheels;

public sealed class WheelFileNameTests
{
    [Fact]
    public void Parts_are_read_and_normalised()
    {
        var wheel = WheelFileName.Parse("Typing_Extensions-4.9.0RC1-py3-none-any.whl");

        wheel.Name.ShouldBe("typing-extensions");
        wheel.Version.ToString().ShouldBe("4.9.0rc1");
        wheel.BuildTag.ShouldBeNull();
        wheel.Tags.Single().ShouldBe(new Tag("py3", "none", "any"));
        wheel.ToString().ShouldBe("Typing_Extensions-4.9.0RC1-py3-none-any.whl");
    }

    [Fact]
    public void Build_tag_is_split_into_its_number_and_suffix()
    {
        WheelFileName.Parse("pkg-1.0-007_x-py3-none-any.whl").BuildTag.ShouldBe(new WheelBuildTag(7, "_x"));
        WheelFileName.Parse("pkg-1.0-123456789012345678901234567890-py3-none-any.whl").BuildTag!.Value.Number
            .ShouldBe(BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Build_tag_suffix_stops_at_a_line_break_as_packagings_pattern_does()
    {
        WheelFileName.Parse("pkg-1.0-1\nx-py3-none-any.whl").BuildTag.ShouldBe(new WheelBuildTag(1, ""));
    }

    [Fact]
    public void Compressed_tag_sets_are_expanded()
    {
        var wheel = WheelFileName.Parse("psutil-5.9.8-cp36-abi3-manylinux_2_12_x86_64.manylinux2010_x86_64.whl");

        wheel.Tags.Count.ShouldBe(2);
        wheel.Tags.Platforms.ShouldBe(["manylinux_2_12_x86_64", "manylinux2010_x86_64"]);
        wheel.HasSortedTags.ShouldBeFalse();
    }

    [Fact]
    public void Unsorted_tag_sets_are_accepted_unless_order_validation_is_asked_for()
    {
        const string Name = "foo-1.0-py3.py2-none-any.whl";

        WheelFileName.Parse(Name).Tags.Count.ShouldBe(2);
        var error = Should.Throw<PackagingFormatException>(() => WheelFileName.Parse(Name, validateTagOrder: true));
        error.Message.ShouldBe("Invalid wheel filename (compressed tag set components must be in sorted order per PEP 425): 'foo-1.0-py3.py2-none-any'");
        error.Position.ShouldBe(8);
        error.Length.ShouldBe(7);
    }

    [Theory]
    [InlineData("foo-1.0.whl", "Invalid wheel filename (wrong number of parts): 'foo-1.0'", 0, 7)]
    [InlineData("pkg-1.0-py3-none-any.zip", "Invalid wheel filename (extension must be '.whl'): 'pkg-1.0-py3-none-any.zip'", 20, 4)]
    [InlineData("pkg-1.0-py3-none-any", "Invalid wheel filename (extension must be '.whl'): 'pkg-1.0-py3-none-any'", 20, 0)]
    [InlineData("foo#bar-1.0-py3-none-any.whl", "Invalid project name: 'foo#bar-1.0-py3-none-any'", 0, 7)]
    [InlineData("a__b-1.0-py3-none-any.whl", "Invalid project name: 'a__b-1.0-py3-none-any'", 0, 4)]
    [InlineData("foobar-1.x-py3-none-any.whl", "Invalid wheel filename (invalid version): 'foobar-1.x-py3-none-any'", 7, 3)]
    [InlineData("foo-1.0-abc-py3-none-any.whl", "Invalid build number: abc in 'foo-1.0-abc-py3-none-any'", 8, 3)]
    [InlineData("foo-1.0-py3-none-.whl", "Invalid wheel filename (invalid tag component): 'foo-1.0-py3-none-'", 17, 0)]
    [InlineData("foo-1.0-2-none-any.whl", "Invalid wheel filename (invalid tag component): 'foo-1.0-2-none-any'", 8, 1)]
    public void Invalid_names_fail_with_packagings_message_and_the_position_of_the_problem(string fileName, string message, int position, int length)
    {
        var error = Should.Throw<PackagingFormatException>(() => WheelFileName.Parse(fileName));

        error.Message.ShouldBe(message);
        error.Input.ShouldBe(fileName);
        error.Position.ShouldBe(position);
        error.Length.ShouldBe(length);
    }

    [Theory]
    [InlineData("pkg. -1.0-py3-none-any.whl")]
    [InlineData("pkg-1.0-py3-none-any.whl\n")]
    [InlineData("")]
    public void TryParse_reports_invalid_names_without_throwing(string fileName)
    {
        WheelFileName.TryParse(fileName, out var wheel).ShouldBeFalse();
        wheel.ShouldBeNull();
    }

    [Fact]
    public void Project_names_may_use_letters_and_digits_of_any_script()
    {
        WheelFileName.Parse("ünïcode_名前-1.0-py3-none-any.whl").Name.ShouldBe("ünïcode-名前");
    }
}
