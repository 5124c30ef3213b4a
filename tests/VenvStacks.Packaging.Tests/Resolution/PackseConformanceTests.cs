using VenvStacks.Packaging.Resolution;
using Xunit.Abstractions;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>
/// The packse resolver scenarios: every scenario a binary-only resolver for one target can reproduce must resolve as
/// expected; every other one is left out for a reason computed from its data and explained in docs/conformance.md.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class PackseConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Representable =>
        [.. PackseScenario.AllNames().Where(name => PackseScenario.Load(name).NotRepresentableReason is null)];

    public static TheoryData<string, string> NotRepresentable
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in PackseScenario.AllNames())
            {
                if (PackseScenario.Load(name).NotRepresentableReason is { } reason)
                {
                    data.Add(name, reason);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Representable))]
    public async Task Resolves_the_scenario_as_expected(string name)
    {
        var scenario = PackseScenario.Load(name);
        var resolver = new Resolver(scenario.Index());
        var outcomes = new List<(ResolutionTarget Target, ResolutionResult? Resolution, ResolutionException? Error)>();
        foreach (var target in scenario.Targets)
        {
            try
            {
                outcomes.Add((target, await resolver.ResolveAsync(scenario.Request, target), null));
            }
            catch (ResolutionException error)
            {
                output.WriteLine(target.Name + ": " + error.Message);
                error.Message.ShouldEndWith("unsatisfiable.");
                error.Facts.ShouldNotBeEmpty();
                outcomes.Add((target, null, error));
            }
        }

        if (!scenario.Satisfiable)
        {
            // A lock fails when any of its targets has no solution.
            outcomes.ShouldContain(outcome => outcome.Error != null, "the scenario is unsatisfiable");
            return;
        }

        foreach (var (target, resolution, error) in outcomes)
        {
            error.ShouldBeNull($"{target.Name} must resolve");
            if (scenario.ExpectedPackages is { } expected)
            {
                resolution!.Packages.ToDictionary(package => package.Name.Value, package => package.Version.ToString())
                    .ShouldBe(expected, ignoreOrder: true, target.Name);
            }

            resolution!.Packages.ShouldAllBe(package => package.Wheel.IsWheel && package.CompatibleWheels.Contains(package.Wheel));
        }
    }

    /// <summary>
    /// The kind of every scenario that is left out is explained in docs/conformance.md. The doc's table of today's
    /// scenarios is informative: a new scenario of a known kind needs no doc change to pass.
    /// </summary>
    [Theory]
    [MemberData(nameof(NotRepresentable))]
    public void A_scenario_that_cannot_be_represented_has_a_documented_reason(string name, string reason)
    {
        PackseScenario.ReasonExplainedInConformanceDoc(reason)
            .ShouldBeTrue($"`{name}` is left out as `{reason}`, which docs/conformance.md must explain under \"Reasons\"");
    }

    public static TheoryData<string> LockedPerPlatform =>
        [.. PackseScenario.AllNames().Where(name => PackseScenario.Load(name).NotRepresentableReason == "per-platform")];

    /// <summary>
    /// The deliberate difference: a universal scenario uv's forking resolver cannot lock, although every environment
    /// has a solution of its own, locks here because each platform is resolved on its own and the picks merged.
    /// </summary>
    [Theory]
    [MemberData(nameof(LockedPerPlatform))]
    public async Task A_universal_conflict_that_only_forking_cannot_solve_resolves_on_every_platform(string name)
    {
        var scenario = PackseScenario.Load(name);
        var resolver = new Resolver(scenario.Index());
        var picks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in scenario.Targets)
        {
            var resolution = await resolver.ResolveAsync(scenario.Request, target);
            output.WriteLine($"{target.Name}: {string.Join(", ", resolution.Pins())}");
            picks.UnionWith(resolution.Pins());
        }

        picks.GroupBy(pick => pick.Split("==")[0]).ShouldContain(versions => versions.Count() > 1, "some package needs a different version per platform");
    }

    [Fact]
    public void Every_scenario_in_the_index_file_is_classified()
    {
        using var index = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PackseScenario.Folder, "_index.json")));
        var listed = index.RootElement.GetProperty("scenarios").EnumerateArray().Select(item => item.GetString()!).ToList();

        PackseScenario.AllNames().ShouldBe(listed, ignoreOrder: true);
        (Representable.Count + NotRepresentable.Count).ShouldBe(listed.Count);
    }
}
