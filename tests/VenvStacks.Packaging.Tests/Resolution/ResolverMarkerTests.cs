using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Environment markers are evaluated against the target, not the machine running the resolver.</summary>
public sealed class ResolverMarkerTests
{
    private static InMemoryCandidateProvider Index() => new InMemoryCandidateProvider()
        .Add("app", "1.0", ["pywin32 ; sys_platform == 'win32'", "uvloop ; sys_platform != 'win32'", "old ; python_version < '3.10'"])
        .Add("pywin32", "306", wheelTags: ["cp311-cp311-win_amd64"])
        .Add("uvloop", "0.19", wheelTags: ["cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64"])
        .Add("old", "1.0");

    [Fact]
    public async Task Windows_only_dependencies_are_used_on_windows_only()
    {
        (await Index().ResolveAsync(ResolverKit.Request("app"), ResolverKit.Windows311)).Pins().ShouldBe(["app==1.0", "pywin32==306"]);
        (await Index().ResolveAsync(ResolverKit.Request("app"), ResolverKit.Linux311)).Pins().ShouldBe(["app==1.0", "uvloop==0.19"]);
    }

    [Fact]
    public async Task An_extra_marker_does_not_hold_outside_the_extra()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0", ["b ; extra == 'x' or sys_platform == 'darwin'"]).Add("b", "1.0");

        (await index.ResolveAsync("a")).Pins().ShouldBe(["a==1.0"]);
    }

    [Fact]
    public async Task A_marker_on_a_variable_the_target_does_not_define_is_treated_as_false_with_a_warning()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0", ["b ; platform_release >= '5'"]).Add("b", "1.0");

        var resolution = await index.ResolveAsync("a");

        resolution.Pins().ShouldBe(["a==1.0"]);
        resolution.Warnings.ShouldHaveSingleItem().ShouldContain("platform_release");
    }
}
