using System.Text.Json.Nodes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

[Trait("Category", "Conformance")]
public sealed class WheelCoverageConformanceTests
{
    private static JsonArray TagCases => VenvstacksData.WheelAvailabilityExpected["platform_tags_from_wheels"]!["cases"]!.AsArray();

    private static JsonArray AvailabilityCases => VenvstacksData.WheelAvailabilityExpected["wheel_availability"]!["cases"]!.AsArray();

    public static TheoryData<int, string> PlatformTagCases
    {
        get
        {
            var data = new TheoryData<int, string>();
            for (var i = 0; i < TagCases.Count; i++)
            {
                data.Add(i, string.Join(' ', VenvstacksData.Strings(TagCases[i]!["wheels"])));
            }

            return data;
        }
    }

    public static TheoryData<string> AvailabilityIds => new(AvailabilityCases.Select(c => c!["id"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(PlatformTagCases))]
    public void Platform_tags_of_wheels_are_the_union_of_their_platform_parts(int index, string wheels)
    {
        var entry = TagCases[index]!;

        var tags = WheelCoverage.PlatformTagsOf(VenvstacksData.Strings(entry["wheels"]));

        tags.ShouldBe(VenvstacksData.Strings(entry["expected_tags"]), ignoreOrder: true, wheels);
    }

    [Theory]
    [MemberData(nameof(AvailabilityIds))]
    public void Missing_platforms_are_the_targets_no_wheel_covers(string id)
    {
        var entry = AvailabilityCases.Single(c => c!["id"]!.GetValue<string>() == id)!;
        var targets = VenvstacksData.Strings(entry["target_platforms"]).Select(TargetPlatform.Parse);
        var macOS = entry["macos_target"]!.AsArray();
        var linux = entry["linux_target"]!.AsArray();
        linux[0]!.GetValue<string>().ShouldBe(LinuxTarget.Default.WheelTagFamily);

        var missing = WheelCoverage.MissingPlatforms(
            targets,
            VenvstacksData.Strings(entry["wheels"]),
            LinuxTarget.ForGlibc(linux[1]!.GetValue<int>(), linux[2]!.GetValue<int>()),
            new MacOSTarget(macOS[0]!.GetValue<int>(), macOS[1]!.GetValue<int>()));

        missing.Select(p => p.Name).ShouldBe(VenvstacksData.Strings(entry["expected_missing"]), ignoreOrder: true, entry["description"]!.GetValue<string>());
    }
}
