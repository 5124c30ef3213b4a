using VenvStacks.Packaging.Tests.Pep425;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

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

    /// <summary>
    /// The supported_tags cases whose target a venvstacks layer can have (see <see cref="VenvstacksPlatformOf"/>);
    /// the others (win32, musl, free-threaded or debug ABIs, ...) are checked by SupportedTagsConformanceTests only.
    /// </summary>
    public static TheoryData<int, string> SupportedTagCases
    {
        get
        {
            var data = new TheoryData<int, string>();
            var cases = TagsData.Cases<SupportedTagsCase>("supported_tags");
            for (var i = 0; i < cases.Count; i++)
            {
                if (VenvstacksPlatformOf(TagsData.Targets[cases[i].Target]) is not null)
                {
                    data.Add(i, cases[i].Target);
                }
            }

            return data;
        }
    }

    /// <summary>
    /// Every supported_tags case of a venvstacks target must be reproduced from the TargetPlatform and the layer
    /// targets (the glibc/macOS bound read from the case's platform list).
    /// </summary>
    [Theory]
    [MemberData(nameof(SupportedTagCases))]
    public void Target_platform_with_layer_targets_reproduces_the_supported_tag_list(int index, string targetId)
    {
        var expected = TagsData.Cases<SupportedTagsCase>("supported_tags")[index];
        var target = TagsData.Targets[targetId];
        var platform = VenvstacksPlatformOf(target)!;

        var (linux, macOS) = LayerTargetsOf(target.Platforms);
        var implementation = PythonImplementationFor(target.PythonVersion);

        platform.PlatformTags(linux, macOS).ShouldBe(target.Platforms);
        platform.GetSupportedTags(implementation, linux, macOS).Select(tag => tag.ToString()).ShouldBe(expected.Tags);
    }

    /// <summary>
    /// The venvstacks platform of a tags.json target, or null when no venvstacks layer has that target: venvstacks
    /// runtimes are standard CPython builds (the ABI is the interpreter's own, without the <c>t</c> free-threading or
    /// <c>d</c> debug flags) on one of the six platforms, and its Linux platforms are glibc (manylinux), never musl.
    /// </summary>
    internal static TargetPlatform? VenvstacksPlatformOf(TagTarget target)
    {
        if (target.Abis is not [var abi] || abi != target.Interpreter
            || target.Platforms.Any(p => p.StartsWith("musllinux_", StringComparison.Ordinal)))
        {
            return null;
        }

        return TargetPlatformOf(target.Platforms[0]);
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
