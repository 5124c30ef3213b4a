using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Which versions the resolver chooses when a resolution exists.</summary>
public sealed class ResolverSelectionTests
{
    [Fact]
    public async Task A_chain_resolves_to_the_newest_versions_each_link_allows()
    {
        var index = new InMemoryCandidateProvider()
            .Add("app", "1.0", ["lib>=2"])
            .Add("lib", "1.0").Add("lib", "2.0", ["core<3"]).Add("lib", "2.5", ["core<3"])
            .Add("core", "2.0").Add("core", "2.9").Add("core", "3.0");

        var resolution = await index.ResolveAsync("app");

        resolution.Pins().ShouldBe(["app==1.0", "core==2.9", "lib==2.5"]);
    }

    [Fact]
    public async Task A_diamond_picks_one_version_satisfying_both_sides()
    {
        var index = new InMemoryCandidateProvider()
            .Add("left", "1.0", ["shared>=1.2"])
            .Add("right", "1.0", ["shared<1.4"])
            .Add("shared", "1.1").Add("shared", "1.2").Add("shared", "1.3").Add("shared", "1.4");

        var resolution = await index.ResolveAsync("left", "right");

        resolution.Package("shared").Version.ToString().ShouldBe("1.3");
    }

    [Fact]
    public async Task Backtracks_to_an_older_version_whose_dependencies_fit()
    {
        // a 2.0 needs c==2 but b (pinned by the root) needs c==1: only a 1.0 works.
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["c==1.0"]).Add("a", "2.0", ["c==2.0"])
            .Add("b", "1.0", ["c==1.0"])
            .Add("c", "1.0").Add("c", "2.0");

        var resolution = await index.ResolveAsync("a", "b==1.0");

        resolution.Pins().ShouldBe(["a==1.0", "b==1.0", "c==1.0"]);
    }

    [Fact]
    public async Task Backtracks_through_many_versions_whose_dependency_does_not_exist()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0");
        for (var minor = 1; minor <= 30; minor++)
        {
            index.Add("a", $"1.{minor}", ["missing-package"]);
        }

        var resolution = await index.ResolveAsync("a");

        resolution.Pins().ShouldBe(["a==1.0"]);
    }

    [Fact]
    public async Task A_dependency_listed_twice_must_satisfy_both_specifiers()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["b>=1", "b<2"])
            .Add("b", "0.5").Add("b", "1.5").Add("b", "2.5");

        (await index.ResolveAsync("a")).Package("b").Version.ToString().ShouldBe("1.5");
    }

    [Fact]
    public async Task A_package_depending_on_itself_is_resolved_once()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0", ["a"]);

        (await index.ResolveAsync("a")).Pins().ShouldBe(["a==1.0"]);
    }

    [Fact]
    public async Task Root_requirements_whose_markers_do_not_hold_are_ignored()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0");

        var resolution = await index.ResolveAsync("a", "pywin32 ; sys_platform == 'win32'");

        resolution.Pins().ShouldBe(["a==1.0"]);
    }

    [Fact]
    public async Task Direct_url_root_requirements_are_rejected_with_an_explanation()
    {
        var error = await new InMemoryCandidateProvider().ShouldFailAsync(ResolverKit.Request("a @ https://example.invalid/a.whl"));

        error.Message.ShouldContain("direct URL");
    }
}
