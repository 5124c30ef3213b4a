using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Platforms;

namespace VenvStacks.Packaging.Tests.Pep425;

public sealed class SupportedTagsTests
{
    private static readonly SupportedTags CPython311OnWindows = SupportedTags.ForCPython(3, 11, ["cp311"], ["win_amd64"]);

    [Fact]
    public void CPython_prefers_its_own_abi_then_the_stable_abi_then_no_abi()
    {
        CPython311OnWindows.Take(5).Select(t => t.ToString()).ShouldBe(
            ["cp311-cp311-win_amd64", "cp311-abi3-win_amd64", "cp311-none-win_amd64", "cp310-abi3-win_amd64", "cp39-abi3-win_amd64"]);
    }

    [Fact]
    public void Stable_abi_wheels_of_older_versions_are_accepted_down_to_python_3_2()
    {
        var abi3 = CPython311OnWindows.Where(t => t.Abi == "abi3").Select(t => t.Interpreter).ToList();

        abi3.ShouldBe(["cp311", "cp310", "cp39", "cp38", "cp37", "cp36", "cp35", "cp34", "cp33", "cp32"]);
    }

    [Fact]
    public void Pure_python_fallbacks_come_last_with_the_interpreters_own_none_any_first()
    {
        var tail = CPython311OnWindows.SkipWhile(t => t.Platform != "any").Select(t => t.ToString()).ToList();

        tail.Take(4).ShouldBe(["cp311-none-any", "py311-none-any", "py3-none-any", "py310-none-any"]);
        tail[^1].ShouldBe("py30-none-any");
        CPython311OnWindows.Count.ShouldBe(39);
    }

    [Fact]
    public void Free_threaded_abi_uses_abi3t_instead_of_abi3()
    {
        var tags = SupportedTags.ForCPython(3, 13, ["cp313t"], ["linux_x86_64"]).Select(t => t.ToString()).ToList();

        tags.Take(4).ShouldBe(["cp313-cp313t-linux_x86_64", "cp313-abi3t-linux_x86_64", "cp313-none-linux_x86_64", "cp312-abi3t-linux_x86_64"]);
        tags.ShouldNotContain(t => t.Contains("-abi3-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_listed_abi_comes_before_the_stable_abi_in_the_order_given()
    {
        var tags = SupportedTags.ForCPython(3, 12, ["cp312d", "cp312"], ["linux_x86_64", "manylinux_2_28_x86_64"]);

        tags.Take(5).Select(t => t.ToString()).ShouldBe(
            ["cp312-cp312d-linux_x86_64", "cp312-cp312d-manylinux_2_28_x86_64", "cp312-cp312-linux_x86_64", "cp312-cp312-manylinux_2_28_x86_64", "cp312-abi3-linux_x86_64"]);
    }

    [Fact]
    public void Python_before_3_2_has_no_stable_abi()
    {
        SupportedTags.ForCPython(3, 1, ["cp31"], ["win32"]).ShouldNotContain(t => t.Abi == "abi3");
    }

    [Fact]
    public void Other_interpreters_get_their_abis_then_none_then_the_compatible_tags()
    {
        var tags = SupportedTags.ForInterpreter("pp311", 3, 11, ["pypy311_pp73"], ["win_amd64"]).Select(t => t.ToString()).ToList();

        tags.Take(4).ShouldBe(["pp311-pypy311_pp73-win_amd64", "pp311-none-win_amd64", "py311-none-win_amd64", "py3-none-win_amd64"]);
        tags.ShouldContain("pp311-none-any");
        tags.ShouldNotContain(t => t.StartsWith("cp", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_is_the_best_position_among_the_wheels_tags()
    {
        CPython311OnWindows.RankOf(TagSet.Parse("cp311-cp311-win_amd64")).ShouldBe(0);
        CPython311OnWindows.RankOf(TagSet.Parse("py2.py3-none-any")).ShouldBe(CPython311OnWindows.IndexOf(new Tag("py3", "none", "any")));
        CPython311OnWindows.RankOf(TagSet.Parse("cp39.cp311-abi3-win_amd64")).ShouldBe(1);
    }

    [Fact]
    public void Wheels_without_a_supported_tag_are_incompatible()
    {
        CPython311OnWindows.RankOf(TagSet.Parse("cp311-cp311-win_arm64")).ShouldBeNull();
        CPython311OnWindows.IsCompatible(TagSet.Parse("cp312-cp312-win_amd64")).ShouldBeFalse();
        CPython311OnWindows.IndexOf(new Tag("cp312", "cp312", "win_amd64")).ShouldBe(-1);
    }

    [Fact]
    public void Rank_of_a_huge_compressed_set_is_found_from_the_supported_side()
    {
        var interpreters = string.Join('.', Enumerable.Range(0, 50).Select(i => $"x{i}").Append("cp311"));
        var abis = string.Join('.', Enumerable.Range(0, 50).Select(i => $"y{i}").Append("abi3"));

        CPython311OnWindows.RankOf(TagSet.Parse($"{interpreters}-{abis}-win_amd64")).ShouldBe(1);
    }

    [Fact]
    public void Rank_of_a_large_set_that_was_not_expanded_up_front_is_still_the_best_position()
    {
        var supported = SupportedTags.ForCPython(3, 12, ["cp312"], PlatformTags.ForMacOS(13, 0, "x86_64"));
        var interpreters = string.Join('.', Enumerable.Range(0, 40).Select(i => $"x{i}").Append("cp310"));
        var abis = string.Join('.', Enumerable.Range(0, 25).Select(i => $"y{i}").Append("abi3"));
        var wheelTags = TagSet.Parse($"{interpreters}-{abis}-macosx_10_9_x86_64.macosx_10_9_intel");

        wheelTags.Count.ShouldBe(2132);
        supported.Count.ShouldBeGreaterThan(wheelTags.Count);
        supported.RankOf(wheelTags).ShouldBe(supported.IndexOf(new Tag("cp310", "abi3", "macosx_10_9_x86_64")));
    }

    [Fact]
    public void Selection_orders_compatible_items_by_rank_and_keeps_input_order_for_ties()
    {
        string[] files = ["py3-none-any", "cp311-cp311-win_arm64", "cp311-abi3-win_amd64", "py2.py3-none-any", "cp311-cp311-win_amd64"];

        var selected = CPython311OnWindows.SelectCompatible(files, text => TagSet.Parse(text));

        selected.ShouldBe(["cp311-cp311-win_amd64", "cp311-abi3-win_amd64", "py3-none-any", "py2.py3-none-any"]);
    }

    [Fact]
    public void A_repeated_tag_keeps_its_first_position()
    {
        var tags = new SupportedTags([new Tag("py3", "none", "any"), new Tag("py2", "none", "any"), new Tag("PY3", "none", "any")]);

        tags.Count.ShouldBe(3);
        tags.IndexOf(new Tag("py3", "none", "any")).ShouldBe(0);
        tags[2].ShouldBe(new Tag("py3", "none", "any"));
    }
}
