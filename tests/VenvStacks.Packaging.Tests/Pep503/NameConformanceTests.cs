using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Tests.Pep440;

namespace VenvStacks.Packaging.Tests.Pep503;

[Trait("Category", "Conformance")]
public sealed class NameConformanceTests
{
    private const string FileName = "names.json";

    public static TheoryData<int, string> Names => PypaPackagingData.Cases(FileName, "names");

    public static TheoryData<int, string> SdistFileNames => PypaPackagingData.Cases(FileName, "sdist_filenames");

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates_and_normalizes_every_name_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "names", index);
        var name = testCase.GetProperty("name").GetString()!;

        PackageName.IsValid(name).ShouldBe(testCase.GetProperty("valid").GetBoolean(), label);
        PackageName.Canonicalize(name).ShouldBe(testCase.GetProperty("canonical").GetString());
        PackageName.IsNormalized(name).ShouldBe(testCase.GetProperty("is_normalized").GetBoolean());
        NormalizedName.From(name).Value.ShouldBe(testCase.GetProperty("canonical").GetString());
    }

    [Theory]
    [MemberData(nameof(SdistFileNames))]
    public void Parses_every_sdist_file_name_like_packaging(int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, "sdist_filenames", index);
        var fileName = testCase.GetProperty("filename").GetString()!;

        if (!testCase.GetProperty("valid").GetBoolean())
        {
            var error = Should.Throw<PackagingFormatException>(() => SdistFileName.Parse(fileName), label);
            error.Position.ShouldBeInRange(0, fileName.Length);
            return;
        }

        var parsed = SdistFileName.Parse(fileName);
        parsed.Name.Value.ShouldBe(testCase.GetProperty("name").GetString());
        parsed.Version.ToString().ShouldBe(testCase.GetProperty("version").GetString());
    }
}
