using System.Text.Json.Nodes;
using VenvStacks.TestSupport;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

/// <summary>The venvstacks expectation files this project checks (see venvstacks/README.md in the data folder).</summary>
internal static class VenvstacksData
{
    private static readonly Lazy<JsonObject> EnvMarkers = new(() => Load("env_markers_expected.json"));
    private static readonly Lazy<JsonObject> WheelAvailability = new(() => Load("wheel_availability_expected.json"));

    public static JsonObject EnvMarkersExpected => EnvMarkers.Value;

    public static JsonObject WheelAvailabilityExpected => WheelAvailability.Value;

    public static string[] Strings(JsonNode? node) => node!.AsArray().Select(item => item!.GetValue<string>()).ToArray();

    private static JsonObject Load(string fileName) =>
        JsonNode.Parse(File.ReadAllText(TestData.PathTo("venvstacks", fileName)))!.AsObject();
}
