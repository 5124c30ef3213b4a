using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Which versions are candidates at all: wheels for the target, Requires-Python, yanks, pre-releases.</summary>
public sealed class ResolverCandidateTests
{
    [Fact]
    public async Task A_newest_version_without_a_wheel_for_the_target_falls_back_to_an_older_one()
    {
        var index = new InMemoryCandidateProvider()
            .Add("numpy", "2.2.0", wheelTags: ["cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp311-cp311-win_amd64"])
            .Add("numpy", "2.3.0", wheelTags: ["cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp311-cp311-win_amd64"]);

        (await index.ResolveAsync(ResolverKit.Request("numpy"), ResolverKit.Linux311)).Package("numpy").Version.ToString().ShouldBe("2.2.0");
        (await index.ResolveAsync(ResolverKit.Request("numpy"), ResolverKit.Windows311)).Package("numpy").Version.ToString().ShouldBe("2.3.0");
    }

    [Fact]
    public async Task Manylinux_wheels_newer_than_the_linux_target_are_not_compatible()
    {
        var index = new InMemoryCandidateProvider()
            .Add("lib", "1.0", wheelTags: ["cp311-cp311-manylinux_2_17_x86_64"])
            .Add("lib", "2.0", wheelTags: ["cp311-cp311-manylinux_2_34_x86_64"]);
        var oldGlibc = ResolutionTarget.ForPlatform(TargetPlatform.LinuxX64, PythonImplementation.Parse("cpython@3.11.7"), LinuxTarget.ForGlibc(2, 28));
        var newGlibc = ResolutionTarget.ForPlatform(TargetPlatform.LinuxX64, PythonImplementation.Parse("cpython@3.11.7"), LinuxTarget.ForGlibc(2, 35));

        (await index.ResolveAsync(ResolverKit.Request("lib"), oldGlibc)).Package("lib").Version.ToString().ShouldBe("1.0");
        (await index.ResolveAsync(ResolverKit.Request("lib"), newGlibc)).Package("lib").Version.ToString().ShouldBe("2.0");
    }

    [Fact]
    public async Task The_chosen_wheel_is_the_best_ranked_and_all_compatible_wheels_are_listed()
    {
        var index = new InMemoryCandidateProvider()
            .Add("lib", "1.0", wheelTags: ["py3-none-any", "cp311-cp311-manylinux_2_17_x86_64", "cp311-abi3-manylinux_2_17_x86_64", "cp311-cp311-win_amd64"]);

        var package = (await index.ResolveAsync("lib")).Package("lib");

        package.Wheel.WheelTags!.ToString().ShouldBe("cp311-cp311-manylinux_2_17_x86_64");
        package.CompatibleWheels.Select(wheel => wheel.WheelTags!.ToString())
            .ShouldBe(["cp311-cp311-manylinux_2_17_x86_64", "cp311-abi3-manylinux_2_17_x86_64", "py3-none-any"]);
    }

    [Fact]
    public async Task Versions_whose_requires_python_excludes_the_target_are_skipped()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", requiresPython: ">=3.8")
            .Add("a", "2.0", requiresPython: ">=3.12");

        (await index.ResolveAsync("a")).Package("a").Version.ToString().ShouldBe("1.0");
    }

    [Fact]
    public async Task Requires_python_found_only_in_the_metadata_also_excludes_a_version()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0").Add("a", "2.0");
        var withMetadataOnly = new MetadataOverride(index, "a", "2.0", ">=3.13");

        var resolution = await new Resolver(withMetadataOnly).ResolveAsync(ResolverKit.Request("a"), ResolverKit.Linux311);

        resolution.Package("a").Version.ToString().ShouldBe("1.0");
    }

    [Fact]
    public async Task Pre_releases_are_skipped_by_default_when_a_final_release_exists()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0").Add("a", "2.0b1");

        (await index.ResolveAsync("a")).Package("a").Version.ToString().ShouldBe("1.0");
    }

    [Fact]
    public async Task A_root_specifier_naming_a_pre_release_opts_the_package_in()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0").Add("a", "2.0b1");

        (await index.ResolveAsync("a>=2.0b1")).Package("a").Version.ToString().ShouldBe("2.0b1");
    }

    [Fact]
    public async Task A_package_with_only_pre_releases_uses_them()
    {
        var index = new InMemoryCandidateProvider().Add("app", "1.0", ["early"]).Add("early", "0.1a1").Add("early", "0.1a2");

        (await index.ResolveAsync("app")).Package("early").Version.ToString().ShouldBe("0.1a2");
    }

    [Fact]
    public async Task A_transitive_pre_release_specifier_does_not_opt_in()
    {
        var index = new InMemoryCandidateProvider().Add("app", "1.0", ["lib>=2.0rc1"]).Add("lib", "1.0").Add("lib", "2.0rc1");

        await index.ShouldFailAsync(ResolverKit.Request("app"));
    }

    [Fact]
    public async Task The_allow_policy_treats_pre_releases_as_ordinary_candidates()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0").Add("a", "2.0b1");
        var request = ResolverKit.Request("a") with { Prereleases = PrereleasePolicy.Allow };

        (await index.ResolveAsync(request)).Package("a").Version.ToString().ShouldBe("2.0b1");
    }

    [Fact]
    public async Task Yanked_versions_are_skipped_unless_pinned_with_double_equals()
    {
        var index = new InMemoryCandidateProvider().Add("a", "1.0").Add("a", "1.1", yanked: true);

        (await index.ResolveAsync("a")).Package("a").Version.ToString().ShouldBe("1.0");
        (await index.ShouldFailAsync(ResolverKit.Request("a>=1.1"))).Message.ShouldContain("a 1.1 is yanked");
    }

    [Fact]
    public async Task A_yanked_version_pinned_by_the_root_or_a_constraint_is_used()
    {
        var index = new InMemoryCandidateProvider().Add("app", "1.0", ["a"]).Add("a", "1.0").Add("a", "1.1", yanked: true);
        var pinnedByConstraint = ResolverKit.Request("app") with { Constraints = [ResolverKit.Constraint("a==1.1", "lower layer")] };

        (await index.ResolveAsync("a==1.1")).Package("a").Version.ToString().ShouldBe("1.1");
        (await index.ResolveAsync(pinnedByConstraint)).Package("a").Version.ToString().ShouldBe("1.1");
    }

    [Fact]
    public async Task A_yanked_wheel_beside_an_unyanked_one_is_left_out_of_the_compatible_wheels()
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0", wheelTags: ["cp311-cp311-manylinux_2_17_x86_64"], yanked: true)
            .Add("a", "1.0", wheelTags: ["py3-none-any"]);

        var package = (await index.ResolveAsync("a")).Package("a");

        package.CompatibleWheels.ShouldHaveSingleItem().WheelTags!.ToString().ShouldBe("py3-none-any");
    }

    /// <summary>Wraps an index and gives one version a <c>Requires-Python</c> only its metadata declares.</summary>
    private sealed class MetadataOverride(IPackageCandidateProvider inner, string name, string version, string requiresPython) : IPackageCandidateProvider
    {
        public Task<IReadOnlyList<CandidateVersion>?> ListVersionsAsync(Packaging.Pep503.NormalizedName package, CancellationToken cancellationToken) =>
            inner.ListVersionsAsync(package, cancellationToken);

        public async Task<PackageMetadata> GetMetadataAsync(Packaging.Pep503.NormalizedName package, Packaging.Pep440.Version candidate, DistributionFile wheel, CancellationToken cancellationToken)
        {
            var metadata = await inner.GetMetadataAsync(package, candidate, wheel, cancellationToken);
            return package.Value == name && candidate.ToString() == version
                ? metadata with { RequiresPython = Packaging.Pep440.SpecifierSet.Parse(requiresPython) }
                : metadata;
        }
    }
}
