using System.Text.Json;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Tests.Pep440;

namespace VenvStacks.Packaging.Tests.Pep508;

[Trait("Category", "Conformance")]
public sealed class MarkerConformanceTests
{
    private const string FileName = "markers.json";

    public static TheoryData<int, string> Markers => PypaPackagingData.Cases(FileName, "markers");

    public static TheoryData<int, string> LockFileMarkers => PypaPackagingData.Cases(FileName, "lock_file_markers");

    [Theory]
    [MemberData(nameof(Markers))]
    public void Parses_prints_and_evaluates_every_metadata_marker_like_packaging(int index, string label)
    {
        Check("markers", "environments", MarkerEvaluationContext.Metadata, index, label);
    }

    [Theory]
    [MemberData(nameof(LockFileMarkers))]
    public void Parses_prints_and_evaluates_every_lock_file_marker_like_packaging(int index, string label)
    {
        Check("lock_file_markers", "lock_file_environments", MarkerEvaluationContext.LockFile, index, label);
    }

    private static void Check(string section, string environmentsSection, MarkerEvaluationContext context, int index, string label)
    {
        var testCase = PypaPackagingData.Case(FileName, section, index);
        var input = testCase.GetProperty("marker").GetString()!;

        if (!testCase.GetProperty("valid").GetBoolean())
        {
            var error = Should.Throw<PackagingFormatException>(() => Marker.Parse(input), label);
            error.Input.ShouldBe(input);
            error.Position.ShouldBeInRange(0, input.Length);
            (error.Position + error.Length).ShouldBeLessThanOrEqualTo(input.Length);
            return;
        }

        var marker = Marker.Parse(input);
        marker.ToString().ShouldBe(testCase.GetProperty("normalized").GetString(), label);
        Marker.Parse(marker.ToString()).ShouldBe(marker);

        var environments = PypaPackagingData.File(FileName).GetProperty(environmentsSection);
        foreach (var result in testCase.GetProperty("results").EnumerateObject())
        {
            var environment = ToEnvironment(environments.GetProperty(result.Name));
            var expected = result.Value.ValueKind == JsonValueKind.String ? result.Value.GetString() : result.Value.GetBoolean().ToString();
            string actual;
            try
            {
                actual = marker.Evaluate(environment, context).ToString();
            }
            catch (UndefinedComparisonException)
            {
                actual = "UndefinedComparison";
            }
            catch (UndefinedEnvironmentNameException)
            {
                actual = "UndefinedEnvironmentName";
            }

            actual.ShouldBe(expected, $"{label} in {result.Name}");
        }
    }

    internal static MarkerEnvironment ToEnvironment(JsonElement values)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        IEnumerable<string>? extras = null;
        IEnumerable<string>? groups = null;
        foreach (var property in values.EnumerateObject())
        {
            switch (property.Name)
            {
                case "extras":
                    extras = property.Value.EnumerateArray().Select(item => item.GetString()!).ToList();
                    break;
                case "dependency_groups":
                    groups = property.Value.EnumerateArray().Select(item => item.GetString()!).ToList();
                    break;
                default:
                    strings[property.Name] = property.Value.GetString()!;
                    break;
            }
        }

        var environment = new MarkerEnvironment(strings);
        if (extras is not null)
        {
            environment = environment.WithExtras(extras);
        }

        if (groups is not null)
        {
            environment = environment.WithDependencyGroups(groups);
        }

        return environment;
    }
}
