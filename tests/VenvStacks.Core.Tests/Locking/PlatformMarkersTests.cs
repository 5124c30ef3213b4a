using VenvStacks.Core.Locking;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Locking;

public class PlatformMarkersTests
{
    private static readonly PythonImplementation CPython = PythonImplementation.Parse("cpython@3.11.11");

    [Theory]
    [InlineData(new[] { "win_amd64", "win_arm64" }, "sys_platform == 'win32'")]
    [InlineData(new[] { "macosx_arm64" }, "platform_machine == 'arm64' and sys_platform == 'darwin'")]
    [InlineData(new[] { "linux_x86_64", "linux_aarch64", "win_arm64" }, "sys_platform == 'linux' or platform_machine == 'ARM64' and sys_platform == 'win32'")]
    public void The_marker_names_whole_systems_or_single_platforms(string[] subset, string expected)
    {
        PlatformMarkers.For(subset.Select(TargetPlatform.Parse).ToList(), TargetPlatform.Defaults.ToList()).ShouldBe(expected);
    }

    [Fact]
    public void Every_subset_marker_selects_exactly_its_platforms()
    {
        var all = TargetPlatform.Defaults.ToList();
        for (var mask = 1; mask < (1 << all.Count) - 1; mask++)
        {
            var subset = all.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var marker = Marker.Parse(PlatformMarkers.For(subset, all)!);

            all.Where(p => marker.Evaluate(p.GetMarkerEnvironment(CPython))).ShouldBe(subset, ignoreOrder: true);
        }
    }

    [Fact]
    public void Every_platform_means_no_marker()
    {
        PlatformMarkers.For(TargetPlatform.Defaults.ToList(), TargetPlatform.Defaults.ToList()).ShouldBeNull();
    }
}
