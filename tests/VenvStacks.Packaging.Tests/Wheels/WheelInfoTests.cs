using System.Text;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Wheels;

public sealed class WheelInfoTests
{
    private const string BdistWheelOutput =
        "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.38.4)\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n";

    [Fact]
    public void A_bdist_wheel_WHEEL_file_parses_into_its_fields()
    {
        var info = WheelInfo.Parse(BdistWheelOutput);

        info.WheelVersion.ShouldBe(new WheelFormatVersion(1, 0));
        info.Generator.ShouldBe("bdist_wheel (0.38.4)");
        info.RootIsPurelib.ShouldBeTrue();
        info.Tags.ShouldBe(["py3-none-any"]);
        info.Build.ShouldBeNull();
        info.UnknownFields.ShouldBeEmpty();
    }

    [Fact]
    public void Several_tags_a_build_number_and_unknown_fields_are_kept()
    {
        var info = WheelInfo.Parse(
            "Wheel-Version: 1.0\nGenerator: maturin (1.5.0)\nRoot-Is-Purelib: false\nTag: cp311-cp311-manylinux_2_17_x86_64\n" +
            "Tag: cp311-cp311-manylinux2014_x86_64\nBuild: 2\nX-Extra: kept\n");

        info.RootIsPurelib.ShouldBeFalse();
        info.Tags.ShouldBe(["cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-manylinux2014_x86_64"]);
        info.Build.ShouldBe("2");
        info.UnknownFields.Single().Name.ShouldBe("X-Extra");
        info.Get("x-extra").ShouldBe("kept");
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void Root_is_purelib_ignores_case(string value, bool expected) =>
        WheelInfo.Parse($"Wheel-Version: 1.0\nRoot-Is-Purelib: {value}\n").RootIsPurelib.ShouldBe(expected);

    [Fact]
    public void A_newer_wheel_version_still_parses_so_the_installer_can_decide()
    {
        var info = WheelInfo.Parse("Wheel-Version: 2.1\nRoot-Is-Purelib: true\n");

        info.WheelVersion.ShouldBe(new WheelFormatVersion(2, 1));
        info.WheelVersion.Major.ShouldBeGreaterThan(WheelFormatVersion.Supported.Major);
    }

    [Theory]
    [InlineData("Root-Is-Purelib: true\n", "missing required field 'Wheel-Version'")]
    [InlineData("Wheel-Version: 1.0\n", "missing required field 'Root-Is-Purelib'")]
    [InlineData("Wheel-Version: one\nRoot-Is-Purelib: true\n", "'one' is not a valid Wheel-Version")]
    [InlineData("Wheel-Version: 1.0\nRoot-Is-Purelib: yes\n", "Root-Is-Purelib must be 'true' or 'false', not 'yes'")]
    [InlineData("Wheel-Version: 1.0\nbroken line\n", "line 2")]
    public void Broken_WHEEL_files_are_format_errors(string text, string expected) =>
        Should.Throw<PackagingFormatException>(() => WheelInfo.Parse(text)).Message.ShouldContain(expected);

    [Fact]
    public void Created_WHEEL_content_is_what_bdist_wheel_writes() =>
        WheelInfo.Create("bdist_wheel (0.38.4)", rootIsPurelib: true, ["py3-none-any"]).ToString().ShouldBe(BdistWheelOutput);

    [Fact]
    public void Created_WHEEL_content_puts_the_build_number_last()
    {
        var text = WheelInfo.Create("gen", rootIsPurelib: false, ["cp312-cp312-win_amd64", "cp312-abi3-win_amd64"], build: "7").ToString();

        text.ShouldBe("Wheel-Version: 1.0\nGenerator: gen\nRoot-Is-Purelib: false\nTag: cp312-cp312-win_amd64\nTag: cp312-abi3-win_amd64\nBuild: 7\n\n");
        WheelInfo.Parse(text).Build.ShouldBe("7");
    }

    [MachineWheelsTheory]
    [MemberData(nameof(MachineWheels.All), MemberType = typeof(MachineWheels))]
    public async Task A_real_WHEEL_file_parses_and_writes_back_unchanged(string wheelPath)
    {
        var bytes = MachineWheels.ReadDistInfoFile(wheelPath, "WHEEL");
        using var stream = new MemoryStream(bytes);

        var info = await WheelInfo.ReadAsync(stream);

        info.WheelVersion.ShouldBe(WheelFormatVersion.Supported);
        info.RootIsPurelib.ShouldBeTrue();
        info.Tags.ShouldBe(["py3-none-any"]);
        info.ToString().ShouldBe(Encoding.UTF8.GetString(bytes));
    }
}
