using System.Text.Json;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Runtimes;

/// <summary>The repository's python-build-standalone.json read directly, as the oracle the embedded copy and the
/// catalogue are checked against (nothing here is hard-coded from it).</summary>
internal static class PinnedTableJson
{
    public static string FilePath => Path.Combine(TestData.RepositoryRoot, "src", "VenvStacks.Core", "Runtimes", "python-build-standalone.json");

    public static JsonDocument Load() => JsonDocument.Parse(File.ReadAllBytes(FilePath));

    /// <summary>Every (version, platform, entry) in file order.</summary>
    public static IEnumerable<(string Version, string Platform, JsonElement Entry)> Entries(JsonDocument document) =>
        document.RootElement.GetProperty("versions").EnumerateObject()
            .SelectMany(v => v.Value.EnumerateObject().Select(p => (v.Name, p.Name, p.Value)));

    public static IReadOnlyList<string> Versions(JsonDocument document) =>
        document.RootElement.GetProperty("versions").EnumerateObject().Select(v => v.Name).ToArray();

    /// <summary>Versions of a minor, newest first (the table lists versions newest first).</summary>
    public static IReadOnlyList<string> VersionsOfMinor(JsonDocument document, string minor) =>
        Versions(document).Where(v => v.StartsWith(minor + ".", StringComparison.Ordinal))
            .OrderByDescending(VenvStacks.Packaging.Pep440.Version.Parse).ToArray();
}
