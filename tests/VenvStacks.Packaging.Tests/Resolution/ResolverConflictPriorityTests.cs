using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>
/// A package whose decision keeps throwing out versions of another is decided after it once that has happened
/// <see cref="ConflictTracker.Threshold"/> times, so the other keeps its newest version (uv's behaviour).
/// </summary>
public sealed class ResolverConflictPriorityTests
{
    /// <summary>a is decided first on its newest version, but every b 2.x needs the old a.</summary>
    private static InMemoryCandidateProvider Index(int newerVersionsOfB)
    {
        var index = new InMemoryCandidateProvider()
            .Add("a", "1.0").Add("a", "2.0")
            .Add("b", "1.0", ["too-old"])
            .Add("too-old", "1.0");
        for (var patch = 0; patch < newerVersionsOfB; patch++)
        {
            index.Add("b", "2.0." + patch, ["a==1.0"]);
        }

        return index;
    }

    [Fact]
    public async Task A_package_that_keeps_rejecting_another_is_decided_after_it()
    {
        var resolution = await Index(newerVersionsOfB: 10).ResolveAsync("a", "b");

        resolution.Pins().ShouldBe(["a==1.0", "b==2.0.9"]);
    }

    [Fact]
    public async Task Fewer_conflicts_than_the_threshold_keep_the_discovery_order()
    {
        // Four rejected versions of b: the walk down b is cheaper than re-ordering, as in uv.
        var resolution = await Index(newerVersionsOfB: ConflictTracker.Threshold - 1).ResolveAsync("a", "b");

        resolution.Pins().ShouldBe(["a==2.0", "b==1.0", "too-old==1.0"]);
    }

    [Fact]
    public async Task Re_ordering_stops_the_walk_through_every_version()
    {
        var resolution = await Index(newerVersionsOfB: 200).ResolveAsync("a", "b");

        resolution.Package("b").Version.ToString().ShouldBe("2.0.199");
        resolution.Work.Decisions.ShouldBeLessThan(20, "b's 200 versions are not tried one by one");
    }

    [Fact]
    public async Task A_forced_choice_is_still_made_when_the_culprit_cannot_move()
    {
        // The root pins a==2.0, so no b 2.x can be used whatever the order.
        var resolution = await Index(newerVersionsOfB: 10).ResolveAsync("a==2.0", "b");

        resolution.Pins().ShouldBe(["a==2.0", "b==1.0", "too-old==1.0"]);
    }
}
