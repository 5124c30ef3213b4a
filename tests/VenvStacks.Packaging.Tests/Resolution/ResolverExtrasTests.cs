using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Extras: <c>a[x]</c> adds a's dependencies marked <c>extra == "x"</c>, at the same version of a.</summary>
public sealed class ResolverExtrasTests
{
    [Fact]
    public async Task A_requested_extra_adds_its_dependencies()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["b", "c ; extra == 'speed'"], providesExtra: ["speed"])
            .Add("b", "1.0").Add("c", "1.0");

        var resolution = await index.ResolveAsync("a[speed]");

        resolution.Pins().ShouldBe(["a==1.0", "b==1.0", "c==1.0"]);
        resolution.Package("a").Extras.ShouldBe(["speed"]);
    }

    [Fact]
    public async Task Extra_dependencies_are_left_out_when_the_extra_is_not_requested()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["c ; extra == 'speed'"], providesExtra: ["speed"])
            .Add("c", "1.0");

        var resolution = await index.ResolveAsync("a");

        resolution.Pins().ShouldBe(["a==1.0"]);
        resolution.Package("a").Extras.ShouldBeEmpty();
    }

    [Fact]
    public async Task Extra_dependencies_combine_the_extra_with_other_markers()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["winonly ; extra == 'x' and sys_platform == 'win32'", "linuxonly ; extra == 'x' and sys_platform == 'linux'"], providesExtra: ["x"])
            .Add("winonly", "1.0").Add("linuxonly", "1.0");

        var resolution = await index.ResolveAsync("a[x]");

        resolution.Pins().ShouldBe(["a==1.0", "linuxonly==1.0"]);
    }

    [Fact]
    public async Task Extra_names_are_compared_normalised()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["c ; extra == 'Fast_Path'"], providesExtra: ["Fast_Path"])
            .Add("c", "1.0");

        (await index.ResolveAsync("a[fast-path]")).Pins().ShouldBe(["a==1.0", "c==1.0"]);
    }

    [Fact]
    public async Task An_extra_and_the_plain_package_resolve_to_one_version()
    {
        // Newest a has no extra dependency that fits: both a and a[x] must move back together.
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["c<2 ; extra == 'x'"], providesExtra: ["x"])
            .Add("a", "2.0", ["c>=3 ; extra == 'x'"], providesExtra: ["x"])
            .Add("c", "1.0").Add("c", "2.0");

        var resolution = await index.ResolveAsync("a", "a[x]");

        resolution.Pins().ShouldBe(["a==1.0", "c==1.0"]);
    }

    [Fact]
    public async Task An_extra_that_requires_other_extras_of_the_same_package_brings_them_all()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["a[b] ; extra == 'all'", "a[c] ; extra == 'all'", "b ; extra == 'b'", "c ; extra == 'c'"], providesExtra: ["all", "b", "c"])
            .Add("b", "1.0").Add("c", "1.0");

        var resolution = await index.ResolveAsync("a[all]");

        resolution.Pins().ShouldBe(["a==1.0", "b==1.0", "c==1.0"]);
        resolution.Package("a").Extras.ShouldBe(["all", "b", "c"]);
    }

    [Fact]
    public async Task A_missing_extra_is_ignored_with_a_warning()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0");

        var resolution = await index.ResolveAsync("a[nope]");

        resolution.Pins().ShouldBe(["a==1.0"]);
        resolution.Warnings.ShouldContain(warning => warning.Contains("does not provide the extra 'nope'"));
    }

    [Fact]
    public async Task A_conflict_that_exists_only_through_an_extra_backtracks_to_a_version_without_it()
    {
        // a 2.0's extra needs b==1 while the root needs b==2; a 1.0's extra is compatible.
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["b>=2 ; extra == 'x'"], providesExtra: ["x"])
            .Add("a", "2.0", ["b==1.0 ; extra == 'x'"], providesExtra: ["x"])
            .Add("b", "1.0").Add("b", "2.0");

        var resolution = await index.ResolveAsync("a[x]", "b==2.0");

        resolution.Pins().ShouldBe(["a==1.0", "b==2.0"]);
        (await index.ResolveAsync("a", "b==2.0")).Pins().ShouldBe(["a==2.0", "b==2.0"]);
    }

    [Fact]
    public async Task Two_extras_with_incompatible_dependencies_are_explained()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["b==1.0 ; extra == 'one'", "b==2.0 ; extra == 'two'"], providesExtra: ["one", "two"])
            .Add("b", "1.0").Add("b", "2.0");

        var error = await index.ShouldFailAsync(ResolverKit.Request("a[one,two]"));

        error.Message.ShouldContain("the requirements include a[one] and the requirements include a[two]");
        error.Message.ShouldContain("a[one]==1.0 depends on b==1.0");
        error.Message.ShouldContain("b==1.0");
        error.Message.ShouldContain("b==2.0");
    }
}
