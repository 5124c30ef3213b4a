using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

public sealed class LinuxTargetTests
{
    [Fact]
    public void Default_is_glibc_2_28()
    {
        LinuxTarget.Default.ShouldBe(LinuxTarget.ForGlibc(2, 28));
        LinuxTarget.Default.ToString().ShouldBe("glibc@2.28");
        LinuxTarget.Default.Name.ShouldBe("manylinux_2_28");
        LinuxTarget.Default.WheelTagFamily.ShouldBe("manylinux");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("glibc")]
    [InlineData("glibc@2.28")]
    public void Absent_bare_and_explicit_default_are_the_same_target(string? value)
    {
        LinuxTarget.Parse(value).ShouldBe(LinuxTarget.Default);
    }

    [Fact]
    public void Version_is_read_as_major_and_minor_integers()
    {
        var target = LinuxTarget.Parse("glibc@2.35");

        target.LibcVariant.ShouldBe("glibc");
        target.Major.ShouldBe(2);
        target.Minor.ShouldBe(35);
        target.ToString().ShouldBe("glibc@2.35");
    }

    [Theory]
    [InlineData("unknown", "Linux libc variant must be one of ['glibc'], not 'unknown'", 0, 7)]
    [InlineData("", "Linux libc variant must be one of ['glibc'], not ''", 0, 0)]
    [InlineData("musl@1.3", "Linux libc variant must be one of ['glibc'], not 'musl'", 0, 4)]
    [InlineData("glibc@235", "Linux libc version must be of the form 'X.Y', not '235'", 6, 3)]
    [InlineData("glibc@2.3.5", "Linux libc version must be of the form 'X.Y', not '2.3.5'", 6, 5)]
    [InlineData("glibc@ints.required", "Linux libc version must be of the form 'X.Y', not 'ints.required'", 6, 13)]
    [InlineData("glibc@", "Linux libc version must be of the form 'X.Y', not ''", 6, 0)]
    public void Errors_use_venvstacks_wording_and_point_at_the_bad_part(string value, string message, int position, int length)
    {
        var error = Should.Throw<PackagingFormatException>(() => LinuxTarget.Parse(value));

        error.Message.ShouldBe(message);
        error.Position.ShouldBe(position);
        error.Length.ShouldBe(length);
    }

    [Theory]
    [InlineData(2, 17, true)]
    [InlineData(2, 28, true)]
    [InlineData(2, 29, false)]
    [InlineData(3, 0, false)]
    [InlineData(1, 99, true)]
    public void Accepts_wheels_whose_glibc_baseline_is_not_newer(int major, int minor, bool accepted)
    {
        LinuxTarget.Default.Accepts(major, minor).ShouldBe(accepted);
    }
}
