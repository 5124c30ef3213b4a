using VenvStacks.Packaging.Resolution;
using Xunit.Abstractions;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>When nothing works, the exception says why in sentences naming both sides of every conflict.</summary>
public sealed class ResolverExplanationTests(ITestOutputHelper output)
{
    private async Task<ResolutionException> FailAsync(InMemoryCandidateProvider index, ResolutionRequest request, ResolutionTarget? target = null)
    {
        var error = await index.ShouldFailAsync(request, target);
        output.WriteLine(error.Message);
        return error;
    }

    [Fact]
    public async Task A_root_requirement_against_a_lower_layer_pin_names_both_and_the_layer()
    {
        var index = new InMemoryCandidateProvider().Add("numpy", "2.3.2").Add("numpy", "2.3.4").Add("numpy", "2.3.5");
        var request = ResolverKit.Request("numpy>=2.3.4") with
        {
            RootName = "app",
            Constraints = [ResolverKit.Constraint("numpy==2.3.2", "the runtime layer")],
        };

        var error = await FailAsync(index, request);

        error.Message.ShouldBe("Because app depends on numpy>=2.3.4 and the runtime layer pins numpy==2.3.2, the requirements are unsatisfiable.");
        error.ConstraintOrigins.ShouldBe(["the runtime layer"]);
        error.Facts.Select(fact => fact.Kind).ShouldBe([ConflictFactKind.RootRequirement, ConflictFactKind.Constraint], ignoreOrder: true);
        error.Packages.ShouldContain(Packaging.Pep503.NormalizedName.From("numpy"));
    }

    [Fact]
    public async Task A_transitive_conflict_names_the_chain_on_each_side()
    {
        var index = new InMemoryCandidateProvider()
            .Add("web", "1.0", ["pydantic>=2"])
            .Add("legacy", "1.0", ["pydantic<2"])
            .Add("pydantic", "1.10").Add("pydantic", "2.5");

        var error = await FailAsync(index, ResolverKit.Request("web", "legacy"));

        error.Message.ShouldContain("web==1.0 depends on pydantic>=2");
        error.Message.ShouldContain("legacy==1.0 depends on pydantic<2");
        error.Message.ShouldContain("the requirements include web");
        error.Message.ShouldContain("the requirements include legacy");
        error.Message.ShouldEndWith("the requirements are unsatisfiable.");
    }

    [Fact]
    public async Task A_package_that_does_not_exist_is_named()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0", ["no-such-thing>=1"]);

        var error = await FailAsync(index, ResolverKit.Request("a"));

        error.Message.ShouldContain("a==1.0 depends on no-such-thing>=1 (the index has no package named no-such-thing)");
        error.Facts.ShouldContain(fact => fact.Kind == ConflictFactKind.PackageNotFound && fact.Package!.Value.Value == "no-such-thing");
    }

    [Fact]
    public async Task A_package_without_a_wheel_for_the_target_names_the_target_and_the_wheel_tags()
    {
        var index = new InMemoryCandidateProvider()
            .Add("fastlib", "1.0", wheelTags: ["cp312-cp312-win_amd64", "cp312-cp312-macosx_11_0_arm64"]);

        var error = await FailAsync(index, ResolverKit.Request("fastlib"));

        error.Message.ShouldContain("fastlib 1.0 has no wheel compatible with cpython@3.11.7 on linux_x86_64 (manylinux_2_28)");
        error.Message.ShouldContain("cp312-cp312-win_amd64");
        error.Message.ShouldContain("cp312-cp312-macosx_11_0_arm64");
        error.Message.ShouldContain("the target prefers cp311-cp311-linux_x86_64 and accepts platforms linux_x86_64, manylinux_2_28_x86_64 ... manylinux1_x86_64, any");
        error.Facts.ShouldContain(fact => fact.Kind == ConflictFactKind.IncompatibleWheels);
    }

    [Fact]
    public async Task A_package_with_only_source_distributions_says_so()
    {
        var index = new InMemoryCandidateProvider().Add("srconly", "1.0", wheelTags: [], sdist: true);

        var error = await FailAsync(index, ResolverKit.Request("srconly"));

        error.Message.ShouldContain("srconly 1.0 has no wheels (only source distributions, which are never built)");
    }

    [Fact]
    public async Task Requires_python_failures_name_the_specifier_and_the_target_python()
    {
        var index = new InMemoryCandidateProvider().Add("modern", "1.0", requiresPython: ">=3.12");

        var error = await FailAsync(index, ResolverKit.Request("modern"));

        error.Message.ShouldContain("modern 1.0 requires Python >=3.12 (the target has Python 3.11.7)");
    }

    [Fact]
    public async Task No_matching_version_lists_what_exists()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0").Add("a", "2.0");

        var error = await FailAsync(index, ResolverKit.Request("a>=3"));

        error.Message.ShouldContain("the requirements include a>=3 (no version of a matches; there are only a 1.0 and 2.0)");
    }

    [Fact]
    public async Task A_longer_derivation_explains_every_step()
    {
        // Every b needs a==1.0, and a 1.0 needs c, which does not exist; a 2.0 alone would be fine.
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["c"]).Add("a", "2.0")
            .Add("b", "1.0", ["a==1.0"]).Add("b", "2.0", ["a==1.0"]).Add("b", "3.0", ["a==1.0"]);

        var error = await FailAsync(index, ResolverKit.Request("a", "b"));

        error.Message.ShouldContain("a==1.0 depends on c (the index has no package named c)");
        error.Message.ShouldContain("every version of b depends on a==1.0");
        error.Message.ShouldContain("the requirements include b");
        error.Message.Split('\n').Length.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Yanked_and_prerelease_exclusions_are_explained()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", ["y>=2", "p>=1.5"])
            .Add("y", "1.0").Add("y", "2.0", yanked: true)
            .Add("p", "1.0").Add("p", "2.0rc1");

        var error = await FailAsync(index, ResolverKit.Request("a"));

        error.Message.ShouldContain("y 2.0 is yanked");
        var prerelease = await FailAsync(index, ResolverKit.Request("a", "y==2.0"));
        prerelease.Message.ShouldContain("p 2.0rc1 is a pre-release");
    }

    [Fact]
    public async Task A_branching_derivation_numbers_the_lines_it_refers_back_to()
    {
        // Both versions of foo fail, each for its own reason (PubGrub's "branching error reporting" example).
        var index = new InMemoryCandidateProvider()
            .Add("foo", "1.0.0", ["a>=1,<2", "b>=1,<2"])
            .Add("foo", "1.1.0", ["x>=1,<2", "y>=1,<2"])
            .Add("a", "1.0.0", ["b>=2,<3"])
            .Add("b", "1.0.0").Add("b", "2.0.0")
            .Add("x", "1.0.0", ["y>=2,<3"])
            .Add("y", "1.0.0").Add("y", "2.0.0");

        var error = await FailAsync(index, ResolverKit.Request("foo>=1,<2"));

        error.Message.ShouldContain("a==1.0.0 depends on b<3,>=2");
        error.Message.ShouldContain("x==1.0.0 depends on y<3,>=2");
        error.Message.ShouldContain("(1) And because foo==1.0.0 depends on b<2,>=1, foo==1.0.0 cannot be used.");
        error.Message.ShouldContain("And because foo==1.0.0 cannot be used (1), foo cannot be used.");
        error.Message.ShouldNotContain("(2)");
        error.Message.ShouldEndWith("the requirements are unsatisfiable.");
        error.Facts.Count(fact => fact.Kind == ConflictFactKind.Dependency).ShouldBeGreaterThanOrEqualTo(4);
    }
}
