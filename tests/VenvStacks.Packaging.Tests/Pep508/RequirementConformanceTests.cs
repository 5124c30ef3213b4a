using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Tests.Pep440;

namespace VenvStacks.Packaging.Tests.Pep508;

[Trait("Category", "Conformance")]
public sealed class RequirementConformanceTests
{
    private const string FileName = "requirements.json";

    public static TheoryData<int, string> Requirements => PypaPackagingData.Cases(FileName, "requirements");

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Parses_and_prints_every_requirement_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "requirements", index);
        var input = testCase.GetProperty("requirement").GetString()!;

        if (!testCase.GetProperty("valid").GetBoolean())
        {
            var error = Should.Throw<PackagingFormatException>(() => Requirement.Parse(input), label);
            error.Input.ShouldBe(input);
            error.Position.ShouldBeInRange(0, input.Length);
            (error.Position + error.Length).ShouldBeLessThanOrEqualTo(input.Length);
            Requirement.TryParse(input, out _).ShouldBeFalse();
            return;
        }

        var requirement = Requirement.Parse(input);
        requirement.Name.ShouldBe(testCase.GetProperty("name").GetString());
        requirement.Extras.ShouldBe(testCase.Strings("extras"));
        requirement.Specifier.ToString().ShouldBe(testCase.GetProperty("specifier").GetString());
        requirement.Url.ShouldBe(testCase.StringOrNull("url"));
        requirement.Marker?.ToString().ShouldBe(testCase.StringOrNull("marker"));
        (requirement.Marker is null).ShouldBe(testCase.StringOrNull("marker") is null);
        requirement.ToString().ShouldBe(testCase.GetProperty("normalized").GetString());
        Requirement.Parse(requirement.ToString()).ShouldBe(requirement);
    }
}
