using System.Globalization;
using System.Text.RegularExpressions;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.Tests.Pep425;

namespace VenvStacks.Packaging.Tests.Platforms;

[Trait("Category", "Conformance")]
public sealed partial class PlatformTagsConformanceTests
{
    public static TheoryData<string> Targets => new(TagsData.Targets.Keys);

    /// <summary>
    /// Each target's explicit platform list is regenerated from what its head reveals (OS, architecture, newest glibc
    /// or musl, macOS version). A data list may be a shortened one (see docs/conformance.md), so it must be an ordered
    /// prefix of the generated list; full-length lists therefore have to match entry for entry.
    /// </summary>
    [Theory]
    [MemberData(nameof(Targets))]
    public void Generated_platform_list_starts_with_the_targets_explicit_list(string targetId)
    {
        var expected = TagsData.Targets[targetId].Platforms;

        var generated = Regenerate(expected);

        generated.Count.ShouldBeGreaterThanOrEqualTo(expected.Length);
        generated.Take(expected.Length).ShouldBe(expected);
    }

    internal static IReadOnlyList<string> Regenerate(IReadOnlyList<string> platforms)
    {
        var head = platforms[0];
        if (head.StartsWith("linux_", StringComparison.Ordinal))
        {
            var arch = head["linux_".Length..];
            return PlatformTags.ForLinux(arch, NewestLibc(platforms, "manylinux", arch), NewestLibc(platforms, "musllinux", arch));
        }

        if (MacOSPlatform().Match(head) is { Success: true } mac)
        {
            return PlatformTags.ForMacOS(Number(mac.Groups[1]), Number(mac.Groups[2]), mac.Groups[3].Value);
        }

        return PlatformTags.ForWindows(head == "win32" ? "x86" : head["win_".Length..]);
    }

    private static (int Major, int Minor)? NewestLibc(IReadOnlyList<string> platforms, string family, string arch)
    {
        var pattern = new Regex($"^{family}_([0-9]+)_([0-9]+)_{Regex.Escape(arch)}$");
        return platforms.Select(p => pattern.Match(p)).FirstOrDefault(m => m.Success) is { } match
            ? (Number(match.Groups[1]), Number(match.Groups[2]))
            : null;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("^macosx_([0-9]+)_([0-9]+)_(.+)$")]
    private static partial Regex MacOSPlatform();
}
