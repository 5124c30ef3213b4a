using System.Text.Json.Nodes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

[Trait("Category", "Conformance")]
public sealed class MarkerEnvironmentConformanceTests
{
    /// <summary>
    /// Deliberate differences from venvstacks 0.8.0, listed in docs/conformance.md: CPython on Windows ARM64 reports
    /// platform_machine "ARM64" (upper case); venvstacks writes "arm64".
    /// </summary>
    private static readonly Dictionary<(string Platform, string Key), string> DeliberateDifferences = new()
    {
        [("win_arm64", "platform_machine")] = "ARM64",
    };

    private static JsonArray Matrix => VenvstacksData.EnvMarkersExpected["marker_environment_matrix"]!["cases"]!.AsArray();

    public static TheoryData<int, string> MatrixCases
    {
        get
        {
            var data = new TheoryData<int, string>();
            for (var i = 0; i < Matrix.Count; i++)
            {
                data.Add(i, $"{Matrix[i]!["target_platform"]} {Matrix[i]!["implementation"]} {Matrix[i]!["python_full_version_input"]}");
            }

            return data;
        }
    }

    public static TheoryData<string> ImplementationCases => new(
        VenvstacksData.EnvMarkersExpected["runtime_implementation_parsing"]!.AsArray()
            .Select(c => c!["runtime_spec"]!["python_implementation"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(MatrixCases))]
    public void Marker_environment_of_a_target_has_exactly_the_eight_venvstacks_variables(int index, string label)
    {
        var entry = Matrix[index]!;
        var platformName = entry["target_platform"]!.GetValue<string>();
        var implementationName = entry["implementation"]!.GetValue<string>();
        var fullVersion = entry["python_full_version_input"]!.GetValue<string>();
        var expected = entry["expected_markers"]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());
        foreach (var ((platform, key), value) in DeliberateDifferences)
        {
            if (platform == platformName)
            {
                expected[key] = value;
            }
        }

        var implementation = PythonImplementation.Parse($"{implementationName.ToLowerInvariant()}@{fullVersion}");
        var environment = TargetPlatform.Parse(platformName).GetMarkerEnvironment(implementation);

        environment.ToDictionary(pair => pair.Key, pair => pair.Value).ShouldBe(expected, ignoreOrder: true, label);
    }

    [Theory]
    [MemberData(nameof(ImplementationCases))]
    public void Python_implementation_splits_into_the_implementation_name_and_version(string pythonImplementation)
    {
        var expected = VenvstacksData.EnvMarkersExpected["runtime_implementation_parsing"]!.AsArray()
            .Single(c => c!["runtime_spec"]!["python_implementation"]!.GetValue<string>() == pythonImplementation)!["expected"]!;

        var implementation = PythonImplementation.Parse(pythonImplementation);

        implementation.PlatformPythonImplementation.ShouldBe(expected["py_implementation"]!.GetValue<string>());
        implementation.Version.ShouldBe(expected["py_version"]!.GetValue<string>());
        var markers = VenvstacksData.EnvMarkersExpected["implementation_markers"]![implementation.PlatformPythonImplementation]!;
        implementation.Name.ShouldBe(markers["implementation_name"]!.GetValue<string>());
    }

    [Fact]
    public void Platform_marker_table_matches_each_target_platform_apart_from_the_deliberate_differences()
    {
        foreach (var (platformName, markers) in VenvstacksData.EnvMarkersExpected["platform_markers"]!.AsObject())
        {
            var platform = TargetPlatform.Parse(platformName);
            var actual = new Dictionary<string, string>
            {
                ["os_name"] = platform.OsName,
                ["sys_platform"] = platform.SysPlatform,
                ["platform_machine"] = platform.PlatformMachine,
                ["platform_system"] = platform.PlatformSystem,
            };
            foreach (var (key, value) in markers!.AsObject())
            {
                var expected = DeliberateDifferences.GetValueOrDefault((platformName, key), value!.GetValue<string>());
                actual[key].ShouldBe(expected, $"{platformName} {key}");
            }
        }
    }
}
