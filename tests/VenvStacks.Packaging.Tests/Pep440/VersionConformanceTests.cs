using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

[Trait("Category", "Conformance")]
public sealed class VersionConformanceTests
{
    private const string FileName = "versions.json";

    public static TheoryData<int, string> Versions => PypaPackagingData.Cases(FileName, "versions");

    public static TheoryData<int, string> Ordering => PypaPackagingData.Cases(FileName, "ordering");

    public static TheoryData<int, string> Comparisons => PypaPackagingData.Cases(FileName, "comparisons");

    [Theory]
    [MemberData(nameof(Versions))]
    public void Parses_every_version_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "versions", index);
        var input = testCase.GetProperty("input").GetString()!;

        if (!testCase.GetProperty("valid").GetBoolean())
        {
            var error = Should.Throw<PackagingFormatException>(() => Version.Parse(input), label);
            error.Input.ShouldBe(input);
            error.Position.ShouldBeInRange(0, input.Length);
            Version.TryParse(input, out _).ShouldBeFalse();
            Version.Canonicalize(input).ShouldBe(input);
            return;
        }

        var version = Version.Parse(input);
        version.ToString().ShouldBe(testCase.GetProperty("normalized").GetString());
        version.Public.ShouldBe(testCase.GetProperty("public").GetString());
        version.BaseVersion.ShouldBe(testCase.GetProperty("base_version").GetString());
        version.Epoch.ShouldBe(testCase.GetProperty("epoch").GetInt64());
        version.Release.ShouldBe(testCase.GetProperty("release").EnumerateArray().Select(item => item.GetInt64()).ToArray());
        var pre = testCase.GetProperty("pre");
        if (pre.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            version.Pre.ShouldBeNull();
        }
        else
        {
            version.Pre.ShouldBe((pre[0].GetString()!, pre[1].GetInt64()));
        }

        version.Post.ShouldBe(testCase.LongOrNull("post"));
        version.Dev.ShouldBe(testCase.LongOrNull("dev"));
        version.Local.ShouldBe(testCase.StringOrNull("local"));
        version.IsPrerelease.ShouldBe(testCase.GetProperty("is_prerelease").GetBoolean());
        version.IsPostrelease.ShouldBe(testCase.GetProperty("is_postrelease").GetBoolean());
        version.IsDevrelease.ShouldBe(testCase.GetProperty("is_devrelease").GetBoolean());
        version.Major.ShouldBe(testCase.GetProperty("major").GetInt64());
        version.Minor.ShouldBe(testCase.GetProperty("minor").GetInt64());
        version.Micro.ShouldBe(testCase.GetProperty("micro").GetInt64());
        Version.Canonicalize(input).ShouldBe(testCase.GetProperty("canonicalize_version").GetString());
        Version.Canonicalize(input, stripTrailingZeros: false).ShouldBe(testCase.GetProperty("canonicalize_version_keep_zeros").GetString());
    }

    [Theory]
    [MemberData(nameof(Ordering))]
    public void Orders_each_version_below_its_successor(int index, string label)
    {
        var ordering = PypaPackagingData.File(FileName).GetProperty("ordering");
        var version = Version.Parse(ordering[index].GetString()!);
        if (index + 1 < ordering.GetArrayLength())
        {
            var next = Version.Parse(ordering[index + 1].GetString()!);
            (version < next).ShouldBeTrue(label);
            next.CompareTo(version).ShouldBe(1);
        }

        version.CompareTo(Version.Parse(ordering[index].GetString()!)).ShouldBe(0);
    }

    [Fact]
    public void Sorting_the_reversed_ordering_list_restores_it()
    {
        var ordering = PypaPackagingData.File(FileName).GetProperty("ordering").EnumerateArray().Select(item => item.GetString()!).ToList();
        var sorted = ordering.AsEnumerable().Reverse().Select(Version.Parse).Order().Select(version => version.ToString()).ToList();
        sorted.ShouldBe(ordering);
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Compares_pairs_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "comparisons", index);
        var left = Version.Parse(testCase.GetProperty("left").GetString()!);
        var right = Version.Parse(testCase.GetProperty("right").GetString()!);
        var expected = testCase.GetProperty("result").GetInt32();

        left.CompareTo(right).ShouldBe(expected, label);
        right.CompareTo(left).ShouldBe(-expected);
        (left == right).ShouldBe(expected == 0);
        if (expected == 0)
        {
            left.GetHashCode().ShouldBe(right.GetHashCode());
        }
    }
}
