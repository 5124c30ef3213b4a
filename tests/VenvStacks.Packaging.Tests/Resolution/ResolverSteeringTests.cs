using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Constraints restrict, preferences steer, the upgrade policy releases preferences.</summary>
public sealed class ResolverSteeringTests
{
    private static InMemoryCandidateProvider Index() => new InMemoryCandidateProvider()
        .Add("app", "1.0", ["numpy>=2", "requests"])
        .Add("numpy", "2.0").Add("numpy", "2.1").Add("numpy", "2.2")
        .Add("requests", "2.30", ["urllib3<3"]).Add("requests", "2.31", ["urllib3<3"])
        .Add("urllib3", "1.26").Add("urllib3", "2.0").Add("urllib3", "2.2")
        .Add("unrelated", "1.0");

    [Fact]
    public async Task A_constraint_restricts_the_version_of_a_package_that_is_required()
    {
        var request = ResolverKit.Request("app") with { Constraints = [ResolverKit.Constraint("numpy==2.1", "the framework layer")] };

        (await Index().ResolveAsync(request)).Package("numpy").Version.ToString().ShouldBe("2.1");
    }

    [Fact]
    public async Task A_constraint_never_adds_a_package()
    {
        var request = ResolverKit.Request("app") with { Constraints = [ResolverKit.Constraint("unrelated==1.0", "the runtime layer")] };

        var resolution = await Index().ResolveAsync(request);

        resolution.Find(NormalizedName.From("unrelated")).ShouldBeNull();
    }

    [Fact]
    public async Task A_constraint_whose_marker_does_not_hold_on_the_target_is_ignored()
    {
        var request = ResolverKit.Request("app") with { Constraints = [ResolverKit.Constraint("numpy==2.0 ; sys_platform == 'darwin'", "the runtime layer")] };

        (await Index().ResolveAsync(request)).Package("numpy").Version.ToString().ShouldBe("2.2");
    }

    [Fact]
    public async Task A_constraint_on_a_transitive_dependency_backtracks_its_dependents()
    {
        var index = Index().Add("requests", "2.32", ["urllib3>=2.2"]);
        var request = ResolverKit.Request("app") with { Constraints = [ResolverKit.Constraint("urllib3<2.2", "the runtime layer")] };

        var resolution = await index.ResolveAsync(request);

        resolution.Package("requests").Version.ToString().ShouldBe("2.31");
        resolution.Package("urllib3").Version.ToString().ShouldBe("2.0");
    }

    [Fact]
    public async Task Preferred_versions_are_kept_when_still_allowed()
    {
        var request = ResolverKit.Request("app") with { Preferences = ResolverKit.Preferences(("numpy", "2.0"), ("urllib3", "1.26"), ("requests", "2.30")) };

        (await Index().ResolveAsync(request)).Pins().ShouldBe(["app==1.0", "numpy==2.0", "requests==2.30", "urllib3==1.26"]);
    }

    [Fact]
    public async Task A_preference_the_requirements_no_longer_allow_is_dropped_and_the_rest_kept()
    {
        var request = ResolverKit.Request("app", "numpy>=2.1") with { Preferences = ResolverKit.Preferences(("numpy", "2.0"), ("urllib3", "1.26")) };

        (await Index().ResolveAsync(request)).Pins().ShouldBe(["app==1.0", "numpy==2.2", "requests==2.31", "urllib3==1.26"]);
    }

    [Fact]
    public async Task Upgrading_named_packages_ignores_only_their_preferences()
    {
        var request = ResolverKit.Request("app") with
        {
            Preferences = ResolverKit.Preferences(("numpy", "2.0"), ("urllib3", "1.26")),
            Upgrade = UpgradePolicy.Only([NormalizedName.From("numpy")]),
        };

        (await Index().ResolveAsync(request)).Pins().ShouldBe(["app==1.0", "numpy==2.2", "requests==2.31", "urllib3==1.26"]);
    }

    [Fact]
    public async Task Upgrading_all_packages_ignores_every_preference()
    {
        var request = ResolverKit.Request("app") with
        {
            Preferences = ResolverKit.Preferences(("numpy", "2.0"), ("urllib3", "1.26")),
            Upgrade = UpgradePolicy.All,
        };

        (await Index().ResolveAsync(request)).Pins().ShouldBe(["app==1.0", "numpy==2.2", "requests==2.31", "urllib3==2.2"]);
    }

    [Fact]
    public async Task Each_package_records_the_requirements_that_brought_it_in()
    {
        var index = Index().Add("app", "2.0", ["numpy>=2", "requests", "extras-lib[fast]"])
            .Add("extras-lib", "1.0", ["urllib3>=2 ; extra == 'fast'"], providesExtra: ["fast"]);

        var resolution = await index.ResolveAsync(ResolverKit.Request("app") with { RootName = "app-layer" });

        var urllib3 = resolution.Package("urllib3");
        urllib3.RequiredBy.Select(edge => edge.ToString()).ShouldBe(["extras-lib[fast]==1.0 requires urllib3>=2", "requests==2.31 requires urllib3<3"], ignoreOrder: true);
        urllib3.Chain.Select(edge => edge.ToString()).ShouldBe(["root requires app", "app==2.0 requires requests", "requests==2.31 requires urllib3<3"]);
        resolution.Package("app").Chain.ShouldHaveSingleItem().IsRoot.ShouldBeTrue();
    }
}
