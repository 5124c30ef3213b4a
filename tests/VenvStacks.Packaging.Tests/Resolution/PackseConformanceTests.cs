using VenvStacks.Packaging.Resolution;
using VenvStacks.TestSupport;
using Xunit.Abstractions;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>
/// The packse resolver scenarios: every scenario a binary-only resolver for one target can reproduce must resolve as
/// expected; every other one must be listed with its reason in docs/conformance.md.
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
        var index = scenario.Index();
        var resolver = new Resolver(index);

        if (!scenario.Satisfiable)
        {
            var error = await Should.ThrowAsync<ResolutionException>(() => resolver.ResolveAsync(scenario.Request, scenario.Target));
            output.WriteLine(error.Message);
            error.Message.ShouldEndWith("unsatisfiable.");
            error.Facts.ShouldNotBeEmpty();
            return;
        }

        var resolution = await resolver.ResolveAsync(scenario.Request, scenario.Target);
        if (scenario.ExpectedPackages is { } expected)
        {
            resolution.Packages.ToDictionary(package => package.Name.Value, package => package.Version.ToString())
                .ShouldBe(expected, ignoreOrder: true);
        }
        else
        {
            resolution.Packages.ShouldNotBeEmpty();
        }

        resolution.Packages.ShouldAllBe(package => package.Wheel.IsWheel && package.CompatibleWheels.Contains(package.Wheel));
    }

    [Theory]
    [MemberData(nameof(NotRepresentable))]
    public void A_scenario_that_cannot_be_represented_is_listed_with_its_reason(string name, string reason)
    {
        var listing = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "docs", "conformance.md"));

        listing.ShouldContain(line => line.Contains($"`{name}`", StringComparison.Ordinal) && line.Contains($"`{reason}`", StringComparison.Ordinal),
            $"docs/conformance.md must list `{name}` with the reason `{reason}`");
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
