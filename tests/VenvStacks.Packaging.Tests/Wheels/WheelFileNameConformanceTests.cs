using System.Numerics;
using VenvStacks.Packaging.Tests.Pep425;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Wheels;

[Trait("Category", "Conformance")]
public sealed class WheelFileNameConformanceTests
{
    public static TheoryData<int, string> Cases => TagsData.Indexed<WheelFileNameCase>("wheel_filenames", c => c.Filename);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wheel_file_name_parses_like_packaging_or_is_rejected(int index, string fileName)
    {
        var expected = TagsData.Cases<WheelFileNameCase>("wheel_filenames")[index];

        if (!expected.Valid)
        {
            var error = Should.Throw<PackagingFormatException>(() => WheelFileName.Parse(fileName));
            error.Input.ShouldBe(fileName);
            error.Message.ShouldStartWith("Invalid ");
            WheelFileName.TryParse(fileName, out var none).ShouldBeFalse();
            none.ShouldBeNull();
            return;
        }

        var wheel = WheelFileName.Parse(fileName);

        wheel.FileName.ShouldBe(fileName);
        wheel.Name.ShouldBe(expected.Name);
        wheel.Version.ToString().ShouldBe(expected.Version);
        wheel.Tags.Select(tag => tag.ToString()).Order(StringComparer.Ordinal).ShouldBe(expected.Tags!);
        if (expected.Build is null)
        {
            wheel.BuildTag.ShouldBeNull();
        }
        else
        {
            wheel.BuildTag.ShouldBe(new WheelBuildTag(new BigInteger(expected.Build[0]!.GetValue<long>()), expected.Build[1]!.GetValue<string>()));
        }

        wheel.HasSortedTags.ShouldBe(expected.ValidStrictOrder!.Value);
        if (expected.ValidStrictOrder.Value)
        {
            WheelFileName.Parse(fileName, validateTagOrder: true).Tags.Equals(wheel.Tags).ShouldBeTrue();
        }
        else
        {
            Should.Throw<PackagingFormatException>(() => WheelFileName.Parse(fileName, validateTagOrder: true))
                .Message.ShouldContain("compressed tag set components must be in sorted order per PEP 425");
        }
    }
}
