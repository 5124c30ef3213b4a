using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Wheels;

public sealed class WheelBuildTagTests
{
    [Fact]
    public void Build_tags_order_by_number_then_by_suffix()
    {
        WheelBuildTag[] tags = [new(2, ""), new(1, "b"), new(10, ""), new(1, ""), new(1, "a")];

        tags.Order().ShouldBe([new(1, ""), new(1, "a"), new(1, "b"), new(2, ""), new(10, "")]);
        (new WheelBuildTag(1, "z") < new WheelBuildTag(2, "")).ShouldBeTrue();
        (new WheelBuildTag(3, "") >= new WheelBuildTag(3, "")).ShouldBeTrue();
    }

    [Fact]
    public void String_form_is_the_canonical_number_and_the_suffix()
    {
        new WheelBuildTag(7, "_x").ToString().ShouldBe("7_x");
    }
}
