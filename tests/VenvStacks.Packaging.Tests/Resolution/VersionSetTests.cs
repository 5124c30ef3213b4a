using CsCheck;
using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Version sets and terms behave as the sets they stand for (checked against a plain set model).</summary>
public sealed class VersionSetTests
{
    private static readonly Gen<(int Size, HashSet<int> Left, HashSet<int> Right)> Pairs =
        from size in Gen.Int[0, 150]
        from left in Gen.Bool.Array[size]
        from right in Gen.Bool.Array[size]
        select (size, Members(left), Members(right));

    private static HashSet<int> Members(bool[] flags) => [.. Enumerable.Range(0, flags.Length).Where(index => flags[index])];

    private static VersionSet Of(int size, HashSet<int> members) => VersionSet.FromPredicate(size, members.Contains);

    private static HashSet<int> Model(VersionSet set) => [.. set.Ascending()];

    [Fact]
    public void Set_operations_match_the_model()
    {
        Pairs.Sample(pair =>
        {
            var (size, left, right) = pair;
            var a = Of(size, left);
            var b = Of(size, right);
            Model(a.Intersect(b)).SetEquals(left.Intersect(right)).ShouldBeTrue();
            Model(a.Union(b)).SetEquals(left.Union(right)).ShouldBeTrue();
            Model(a.Except(b)).SetEquals(left.Except(right)).ShouldBeTrue();
            Model(a.Complement()).SetEquals(Enumerable.Range(0, size).Except(left)).ShouldBeTrue();
            a.IsSubsetOf(b).ShouldBe(left.IsSubsetOf(right));
            a.Overlaps(b).ShouldBe(left.Overlaps(right));
            a.Count.ShouldBe(left.Count);
            a.Highest().ShouldBe(left.Count == 0 ? -1 : left.Max());
            a.Descending().ShouldBe(left.OrderDescending());
            a.Equals(b).ShouldBe(left.SetEquals(right));
        });
    }

    [Fact]
    public void Full_and_empty_sets_have_no_stray_bits_past_the_universe()
    {
        foreach (var size in new[] { 0, 1, 63, 64, 65, 128, 130 })
        {
            VersionSet.Full(size).Count.ShouldBe(size);
            VersionSet.Full(size).Complement().IsEmpty.ShouldBeTrue();
            VersionSet.Empty(size).Complement().IsFull.ShouldBeTrue();
        }
    }

    [Fact]
    public void A_negative_term_allows_absence_and_the_other_versions()
    {
        var excluded = VersionSet.Single(4, 1);
        var negative = Term.Negative(excluded);
        var positive = Term.Positive(excluded);

        negative.AllowsAbsent.ShouldBeTrue();
        Model(negative.Versions).ShouldBe([0, 2, 3], ignoreOrder: true);
        negative.Named.ShouldBe(excluded);
        positive.Negate().ShouldBe(negative);
        positive.IsDisjointWith(negative).ShouldBeTrue();
        positive.Intersect(negative).IsEmpty.ShouldBeTrue();
        positive.Union(negative).IsAny.ShouldBeTrue();
    }

    [Fact]
    public void Terms_satisfy_the_set_laws_including_absence()
    {
        var terms = from pair in Pairs
                    from leftAbsent in Gen.Bool
                    from rightAbsent in Gen.Bool
                    select (new Term(Of(pair.Size, pair.Left), leftAbsent), new Term(Of(pair.Size, pair.Right), rightAbsent));
        terms.Sample(pair =>
        {
            var (a, b) = pair;
            a.Intersect(b).IsSubsetOf(a).ShouldBeTrue();
            a.IsSubsetOf(a.Union(b)).ShouldBeTrue();
            a.Negate().Negate().ShouldBe(a);
            a.Intersect(a.Negate()).IsEmpty.ShouldBeTrue();
            a.IsDisjointWith(b).ShouldBe(a.Intersect(b).IsEmpty);
            a.IsSubsetOf(b).ShouldBe(a.Intersect(b.Negate()).IsEmpty);
        });
    }
}
