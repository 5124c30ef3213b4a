using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.Tests.Pep425;

namespace VenvStacks.Packaging.Tests.Platforms;

[Trait("Category", "Conformance")]
public sealed class TargetPlatformConformanceTests
{
    private static readonly System.Text.Json.Nodes.JsonNode Platforms = VenvstacksData.EnvMarkersExpected["target_platforms"]!;

    public static TheoryData<string> EnumNames => new(Platforms["enum_names"]!.AsObject().Select(entry => entry.Key));

    [Fact]
    public void All_lists_the_platforms_sorted_by_name()
    {
        TargetPlatform.All.Select(p => p.Name).ShouldBe(VenvstacksData.Strings(Platforms["all_sorted"]));
    }

    [Fact]
    public void Defaults_lists_the_platforms_in_venvstacks_default_order()
    {
        TargetPlatform.Defaults.Select(p => p.Name).ShouldBe(VenvstacksData.Strings(Platforms["default_targets_in_order"]));
    }

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Every_venvstacks_platform_name_parses_to_itself(string enumName)
    {
        var name = Platforms["enum_names"]![enumName]!.GetValue<string>();

        TargetPlatform.Parse(name).Name.ShouldBe(name);
    }

    public static TheoryData<int, string> SupportedTagCases =>
        TagsData.Indexed<SupportedTagsCase>("supported_tags", c => c.Target);

    /// <summary>
    /// Every supported_tags case whose platform list is that of a venvstacks platform (its head names the platform,
    /// its glibc/macOS bound comes from the list) must be reproduced from the TargetPlatform and the layer targets.
    /// </summary>
    [Theory]
    [MemberData(nameof(SupportedTagCases))]
    public void Target_platform_with_layer_targets_reproduces_the_supported_tag_list(int index, string targetId)
    {
        var expected = TagsData.Cases<SupportedTagsCase>("supported_tags")[index];
        var target = TagsData.Targets[targetId];
        var platform = TargetPlatformOf(target.Platforms[0]);
        if (platform is null)
        {
            // Not one of the six venvstacks platforms (e.g. win32): covered by SupportedTagsConformanceTests only.
            TargetPlatform.All.ShouldNotContain(p => p.Name == target.Platforms[0]);
            return;
        }

        var (linux, macOS) = LayerTargetsOf(target.Platforms);
        var implementation = PythonImplementationFor(target.PythonVersion);

        platform.PlatformTags(linux, macOS).ShouldBe(target.Platforms);
        platform.GetSupportedTags(implementation, linux, macOS).Select(tag => tag.ToString()).ShouldBe(expected.Tags);
    }

    private static TargetPlatform? TargetPlatformOf(string headPlatform)
    {
        var parts = headPlatform.Split('_');
        var name = headPlatform.StartsWith("macosx_", StringComparison.Ordinal)
            ? "macosx_" + string.Join('_', parts.Skip(3))
            : headPlatform;
        return TargetPlatform.TryParse(name, out var platform) ? platform : null;
    }

    private static (LinuxTarget Linux, MacOSTarget MacOS) LayerTargetsOf(string[] platforms)
    {
        var linux = LinuxTarget.Default;
        var macOS = MacOSTarget.Default;
        var manylinux = platforms.FirstOrDefault(p => p.StartsWith("manylinux_", StringComparison.Ordinal));
        if (manylinux is not null)
        {
            var parts = manylinux.Split('_');
            linux = LinuxTarget.Parse($"glibc@{parts[1]}.{parts[2]}");
        }

        if (platforms[0].StartsWith("macosx_", StringComparison.Ordinal))
        {
            var parts = platforms[0].Split('_');
            macOS = MacOSTarget.Parse($"{parts[1]}.{parts[2]}");
        }

        return (linux, macOS);
    }

    private static PythonImplementation PythonImplementationFor(int[] pythonVersion) =>
        PythonImplementation.Parse($"cpython@{pythonVersion[0]}.{pythonVersion[1]}.0");
}
