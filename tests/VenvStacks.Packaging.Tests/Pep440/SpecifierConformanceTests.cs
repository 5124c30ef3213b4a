using VenvStacks.Packaging.Pep440;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

[Trait("Category", "Conformance")]
public sealed class SpecifierConformanceTests
{
    private const string FileName = "specifiers.json";

    public static TheoryData<int, string> SpecifierParse => PypaPackagingData.Cases(FileName, "specifier_parse");

    public static TheoryData<int, string> SpecifierSetParse => PypaPackagingData.Cases(FileName, "specifier_set_parse");

    public static TheoryData<int, string> SpecifierContains => PypaPackagingData.Cases(FileName, "specifier_contains");

    public static TheoryData<int, string> SpecifierSetContains => PypaPackagingData.Cases(FileName, "specifier_set_contains");

    public static TheoryData<int, string> SpecifierFilter => PypaPackagingData.Cases(FileName, "specifier_filter");

    public static TheoryData<int, string> SpecifierSetFilter => PypaPackagingData.Cases(FileName, "specifier_set_filter");

    [Theory]
    [MemberData(nameof(SpecifierParse))]
    public void Parses_every_specifier_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "specifier_parse", index);
        var input = testCase.GetProperty("specifier").GetString()!;

        if (!testCase.GetProperty("valid").GetBoolean())
        {
            var error = Should.Throw<PackagingFormatException>(() => Specifier.Parse(input), label);
            error.Input.ShouldBe(input);
            error.Position.ShouldBeInRange(0, input.Length);
            Specifier.TryParse(input, out _).ShouldBeFalse();
            return;
        }

        var specifier = Specifier.Parse(input);
        specifier.Operator.ShouldBe(testCase.GetProperty("operator").GetString());
        specifier.Version.ShouldBe(testCase.GetProperty("version").GetString());
        specifier.ToString().ShouldBe(testCase.GetProperty("normalized").GetString());
        specifier.Prereleases.ShouldBe(testCase.BoolOrNull("prereleases"));
        Specifier.Parse(specifier.ToString()).ShouldBe(specifier);
    }

    [Theory]
    [MemberData(nameof(SpecifierSetParse))]
    public void Parses_every_specifier_set_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "specifier_set_parse", index);
        var input = testCase.GetProperty("specifiers").GetString()!;

        if (!testCase.GetProperty("valid").GetBoolean())
        {
            var error = Should.Throw<PackagingFormatException>(() => SpecifierSet.Parse(input), label);
            error.Input.ShouldBe(input);
            error.Position.ShouldBeInRange(0, input.Length);
            SpecifierSet.TryParse(input, out _).ShouldBeFalse();
            return;
        }

        var set = SpecifierSet.Parse(input);
        set.ToString().ShouldBe(testCase.GetProperty("normalized").GetString());
        set.Count.ShouldBe(testCase.GetProperty("length").GetInt32());
        set.Select(specifier => specifier.ToString()).ShouldBe(testCase.Strings("items"));
        set.Prereleases.ShouldBe(testCase.BoolOrNull("prereleases"));
        SpecifierSet.Parse(set.ToString()).ShouldBe(set);
    }

    [Theory]
    [MemberData(nameof(SpecifierContains))]
    public void Decides_containment_for_a_specifier_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "specifier_contains", index);
        var specifier = Specifier.Parse(testCase.GetProperty("specifier").GetString()!, testCase.BoolOrNull("specifier_prereleases"));
        var version = testCase.GetProperty("version").GetString()!;
        var prereleases = testCase.BoolOrNull("prereleases");
        var expected = testCase.GetProperty("contains").GetBoolean();

        specifier.Contains(version, prereleases).ShouldBe(expected, label);
        if (Version.TryParse(version, out var parsed) && specifier.Operator != "===")
        {
            specifier.Contains(parsed, prereleases).ShouldBe(expected);
        }
    }

    [Theory]
    [MemberData(nameof(SpecifierSetContains))]
    public void Decides_containment_for_a_specifier_set_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "specifier_set_contains", index);
        var set = SpecifierSet.Parse(testCase.GetProperty("specifiers").GetString()!, testCase.BoolOrNull("specifier_prereleases"));
        var version = testCase.GetProperty("version").GetString()!;
        var prereleases = testCase.BoolOrNull("prereleases");
        var installed = testCase.BoolOrNull("installed") ?? false;
        var expected = testCase.GetProperty("contains").GetBoolean();

        set.Contains(version, prereleases, installed).ShouldBe(expected, label);
        if (Version.TryParse(version, out var parsed) && !set.Any(specifier => specifier.Operator == "==="))
        {
            set.Contains(parsed, prereleases, installed).ShouldBe(expected);
        }
    }

    [Theory]
    [MemberData(nameof(SpecifierFilter))]
    public void Filters_with_a_specifier_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "specifier_filter", index);
        var specifier = Specifier.Parse(testCase.GetProperty("specifier").GetString()!, testCase.BoolOrNull("specifier_prereleases"));
        var input = testCase.Strings("input");

        specifier.Filter(input, testCase.BoolOrNull("prereleases")).ShouldBe(testCase.Strings("output"), label);
    }

    [Theory]
    [MemberData(nameof(SpecifierSetFilter))]
    public void Filters_with_a_specifier_set_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "specifier_set_filter", index);
        var set = SpecifierSet.Parse(testCase.GetProperty("specifiers").GetString()!, testCase.BoolOrNull("specifier_prereleases"));
        var input = testCase.Strings("input");

        set.Filter(input, testCase.BoolOrNull("prereleases")).ShouldBe(testCase.Strings("output"), label);
    }
}
