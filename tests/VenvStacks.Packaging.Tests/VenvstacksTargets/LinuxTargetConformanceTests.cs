using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

[Trait("Category", "Conformance")]
public sealed class LinuxTargetConformanceTests
{
    private static readonly System.Text.Json.Nodes.JsonNode Parsing = VenvstacksData.EnvMarkersExpected["linux_target_parsing"]!;

    // A null linux_target (key absent) is passed as the label "<absent>" because xunit cannot label a null string.
    private const string Absent = "<absent>";

    public static TheoryData<string, string> ValidCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in Parsing["valid"]!.AsArray())
            {
                data.Add(c!["linux_target"]?.GetValue<string>() ?? Absent, c["expected_name"]!.GetValue<string>());
            }

            return data;
        }
    }

    public static TheoryData<string> InvalidCases => new(VenvstacksData.Strings(Parsing["invalid"]));

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Valid_linux_target_selects_the_manylinux_family_and_version(string linuxTarget, string expectedName)
    {
        var target = LinuxTarget.Parse(linuxTarget == Absent ? null : linuxTarget);

        target.Name.ShouldBe(expectedName);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_linux_target_is_rejected_with_venvstacks_message(string linuxTarget)
    {
        var error = Should.Throw<PackagingFormatException>(() => LinuxTarget.Parse(linuxTarget));

        error.Input.ShouldBe(linuxTarget);
        error.Message.ShouldStartWith("Linux libc ");
        error.Message.ShouldMatch(@"^Linux libc (variant must be one of \['glibc'\], not '.*'|version must be of the form 'X\.Y', not '.*')$");
    }
}
