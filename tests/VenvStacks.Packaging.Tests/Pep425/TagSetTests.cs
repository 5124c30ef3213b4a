using CsCheck;
using VenvStacks.Packaging.Pep425;

namespace VenvStacks.Packaging.Tests.Pep425;

public sealed class TagSetTests
{
    [Fact]
    public void Compressed_set_stands_for_every_combination_of_its_parts()
    {
        var set = TagSet.Parse("cp311.cp312-abi3.none-any");

        set.Count.ShouldBe(4);
        set.Select(t => t.ToString()).ShouldBe(["cp311-abi3-any", "cp311-none-any", "cp312-abi3-any", "cp312-none-any"]);
        set.Interpreters.ShouldBe(["cp311", "cp312"]);
        set.Abis.ShouldBe(["abi3", "none"]);
        set.Platforms.ShouldBe(["any"]);
    }

    [Fact]
    public void Parts_are_lower_cased_and_repeated_parts_count_once()
    {
        var set = TagSet.Parse("PY3.py3-NONE-any.Any");

        set.Count.ShouldBe(1);
        set.ToString().ShouldBe("py3-none-any");
        set.Contains(new Tag("py3", "none", "any")).ShouldBeTrue();
    }

    [Fact]
    public void Membership_needs_every_part_of_the_tag()
    {
        var set = TagSet.Parse("py2.py3-none-any");

        set.Contains(new Tag("py2", "none", "any")).ShouldBeTrue();
        set.Contains(new Tag("py3", "none", "any")).ShouldBeTrue();
        set.Contains(new Tag("py3", "abi3", "any")).ShouldBeFalse();
        set.Contains(new Tag("py4", "none", "any")).ShouldBeFalse();
    }

    [Fact]
    public void Sets_are_equal_when_they_hold_the_same_tags_however_written()
    {
        var sorted = TagSet.Parse("py2.py3-none-any");
        var unsorted = TagSet.Parse("PY3.py2-none-any");

        // Equals is spelled out: Shouldly would compare the two enumerations in order.
        unsorted.Equals(sorted).ShouldBeTrue();
        unsorted.GetHashCode().ShouldBe(sorted.GetHashCode());
        TagSet.Parse("py3-none-any").Equals(sorted).ShouldBeFalse();
    }

    [Theory]
    [InlineData("py2.py3-none-any", true)]
    [InlineData("py3.py3-none-any", true)]
    [InlineData("py3.py2-none-any", false)]
    [InlineData("py3-none-win_arm64.win_amd64", false)]
    [InlineData("Cp311.cp310-none-any", true)]
    public void Sorted_order_is_checked_ordinally_on_the_text_as_written(string text, bool sorted)
    {
        TagSet.Parse(text).IsInSortedOrder.ShouldBe(sorted);
    }

    [Fact]
    public void Order_validation_rejects_an_unsorted_component()
    {
        var error = Should.Throw<PackagingFormatException>(() => TagSet.Parse("py3-none-win_arm64.win_amd64", validateOrder: true));

        error.Message.ShouldBe("Tag component 'win_arm64.win_amd64' is not in sorted order per PEP 425");
        error.Position.ShouldBe(9);
        error.Length.ShouldBe(19);
    }

    [Theory]
    [InlineData("py3-none-", "Tag 'py3-none-' has an empty component: ''", 9, 0)]
    [InlineData("py3.-none-any", "Tag 'py3.-none-any' has an empty component: 'py3.'", 4, 0)]
    [InlineData("--", "Tag '--' has an empty component: ''", 0, 0)]
    [InlineData("py3-none", "Tag 'py3-none' must have exactly three components", 8, 0)]
    [InlineData("py3-none-any-x", "Tag 'py3-none-any-x' must have exactly three components", 12, 2)]
    [InlineData("2-none-any", "Tag '2-none-any' has an invalid interpreter: '2'", 0, 1)]
    [InlineData("py3.2-none-any", "Tag 'py3.2-none-any' has an invalid interpreter: '2'", 4, 1)]
    public void Invalid_tags_fail_with_packagings_message_and_the_position_of_the_problem(string text, string message, int position, int length)
    {
        var error = Should.Throw<PackagingFormatException>(() => TagSet.Parse(text));

        error.Message.ShouldBe(message);
        error.Input.ShouldBe(text);
        error.Position.ShouldBe(position);
        error.Length.ShouldBe(length);
    }

    [Theory]
    [InlineData("_custom-none-any")]
    [InlineData("graalpy311-none-any")]
    [InlineData("ïnterp-none-any")]
    public void Interpreter_may_be_any_python_identifier(string text)
    {
        TagSet.TryParse(text, out var set).ShouldBeTrue();
        set!.Count.ShouldBe(1);
    }

    [Fact]
    public void TryParse_reports_failure_without_throwing()
    {
        TagSet.TryParse("py3-none", out var set).ShouldBeFalse();
        set.ShouldBeNull();
        TagSet.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Very_large_compressed_sets_are_counted_and_searched_without_expanding_them_up_front()
    {
        var interpreters = string.Join('.', Enumerable.Range(0, 300).Select(i => $"i{i}"));
        var abis = string.Join('.', Enumerable.Range(0, 300).Select(i => $"a{i}"));
        var platforms = string.Join('.', Enumerable.Range(0, 300).Select(i => $"p{i}"));

        var set = TagSet.Parse($"{interpreters}-{abis}-{platforms}");

        set.Count.ShouldBe(27_000_000);
        set.Contains(new Tag("i299", "a0", "p150")).ShouldBeTrue();
        set.Contains(new Tag("i300", "a0", "p150")).ShouldBeFalse();
        set.Take(3).Select(t => t.ToString()).ShouldBe(["i0-a0-p0", "i0-a0-p1", "i0-a0-p2"]);
    }

    [Fact]
    public void Any_combination_of_identifier_parts_round_trips_through_the_compressed_form()
    {
        var part = Gen.String[Gen.Char["abcXYZ_"], 1, 4];
        var component = part.List[1, 4];

        Gen.Select(component, component, component).Sample((interpreters, abis, platforms) =>
        {
            var text = $"{string.Join('.', interpreters)}-{string.Join('.', abis)}-{string.Join('.', platforms)}";

            var set = TagSet.Parse(text);

            var expected = (from i in interpreters
                            from a in abis
                            from p in platforms
                            select new Tag(i, a, p)).Distinct().ToList();
            set.Count.ShouldBe(expected.Count);
            expected.ShouldAllBe(tag => set.Contains(tag));
            TagSet.Parse(set.ToString()).Equals(set).ShouldBeTrue();
        });
    }
}
