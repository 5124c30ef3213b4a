using CsCheck;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

public sealed class VersionPropertyTests
{
    [Fact]
    public void Parsing_the_canonical_form_gives_back_the_same_version()
    {
        VersionGenerators.Parts.Sample(parts =>
        {
            var canonical = parts.Canonical();
            var version = Version.Parse(canonical);
            version.ToString().ShouldBe(canonical);
            Version.Parse(version.ToString()).ShouldBe(version);
            version.Epoch.ShouldBe(parts.Epoch);
            version.Release.ShouldBe(parts.Release);
            version.Pre.ShouldBe(parts.Pre);
            version.Post.ShouldBe(parts.Post);
            version.Dev.ShouldBe(parts.Dev);
        }, iter: 5_000);
    }

    [Fact]
    public void Every_accepted_spelling_normalizes_to_the_canonical_form()
    {
        VersionGenerators.Spelled.Sample(sample =>
        {
            var version = Version.Parse(sample.Spelling);
            var canonical = Version.Parse(sample.Parts.Canonical());
            version.ToString().ShouldBe(canonical.ToString(), sample.Spelling);
            version.ShouldBe(canonical);
        }, iter: 5_000, print: sample => sample.Spelling);
    }

    [Fact]
    public void Ordering_is_antisymmetric_and_consistent_with_equality_and_hashing()
    {
        Gen.Select(VersionGenerators.SmallDomainParts, VersionGenerators.SmallDomainParts).Sample((left, right) =>
        {
            var a = Version.Parse(left.Canonical());
            var b = Version.Parse(right.Canonical());
            var forward = a.CompareTo(b);
            Math.Sign(b.CompareTo(a)).ShouldBe(-Math.Sign(forward));
            a.Equals(b).ShouldBe(forward == 0);
            (a == b).ShouldBe(forward == 0);
            (a < b).ShouldBe(forward < 0);
            (a >= b).ShouldBe(forward >= 0);
            if (forward == 0)
            {
                a.GetHashCode().ShouldBe(b.GetHashCode());
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Ordering_is_transitive()
    {
        Gen.Select(VersionGenerators.SmallDomainParts, VersionGenerators.SmallDomainParts, VersionGenerators.SmallDomainParts).Sample((first, second, third) =>
        {
            var sorted = new[] { first, second, third }.Select(parts => Version.Parse(parts.Canonical())).Order().ToArray();
            (sorted[0] <= sorted[1]).ShouldBeTrue();
            (sorted[1] <= sorted[2]).ShouldBeTrue();
            (sorted[0] <= sorted[2]).ShouldBeTrue();
            if (sorted[0] == sorted[1] && sorted[1] == sorted[2])
            {
                sorted[0].ShouldBe(sorted[2]);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Comparison_does_not_allocate()
    {
        var versions = new[] { "1.0", "1.0.0+local.7", "1.0rc1.post2.dev3", "2!0.1", "1.0.post1" }.Select(Version.Parse).ToArray();
        var sum = 0;
        foreach (var left in versions)
        {
            foreach (var right in versions)
            {
                sum += left.CompareTo(right) + (left == right ? 1 : 0);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 1_000; round++)
        {
            foreach (var left in versions)
            {
                foreach (var right in versions)
                {
                    sum += left.CompareTo(right) + (left == right ? 1 : 0) + (left < right ? 1 : 0);
                }
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0, $"checksum {sum}");
    }
}
