using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep508;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// The <c>lock_error</c> cases of venvstacks' <c>stack_specs/</c>: the spec loads, locking fails, and an error matches
/// the expected message. The fixtures name real PyPI packages; offline, every package a spec names is served from a
/// local wheel folder in the versions its specifiers mention (and neighbours of them), which keeps every conflict the
/// specs were written to provoke.
/// </summary>
[Trait("Category", "Conformance")]
public class LockFailureFixtureConformanceTests
{
    public static TheoryData<string> LockErrorSpecs()
    {
        var data = new TheoryData<string>();
        using var expected = JsonDocument.Parse(File.ReadAllText(TestData.PathTo("venvstacks", "stack_specs_expected.json")));
        foreach (var file in Directory.EnumerateFiles(TestData.PathTo("venvstacks", "stack_specs"), "*.toml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (expected.RootElement.GetProperty("cases").TryGetProperty(name, out var testCase)
                && testCase.GetProperty("outcome").GetString() == "lock_error")
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LockErrorSpecs))]
    public async Task Locking_fails_with_the_expected_message(string fileName)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(TestData.PathTo("venvstacks", "stack_specs_expected.json")));
        var pattern = new Regex(expected.RootElement.GetProperty("cases").GetProperty(fileName).GetProperty("message_regex").GetString()!);
        var scratch = Path.Combine(Path.GetTempPath(), "vstk-lockfail-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Copied as venvstacks' test does, so lock outputs never land next to the shared data.
            FileTrees.Copy(TestData.PathTo("venvstacks", "stack_specs"), Path.Combine(scratch, "stack_specs"));
            FileTrees.Copy(TestData.PathTo("venvstacks", "minimal_project"), Path.Combine(scratch, "minimal_project"));
            var load = StackSpecLoader.Load(Path.Combine(scratch, "stack_specs", fileName), StackSpecLoadOptions.Empty);
            var spec = load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));
            var wheels = Path.Combine(scratch, "wheels");
            ServeMentionedVersions(spec, wheels);
            var environment = LockEnvironment.Default with
            {
                CacheDirectory = Path.Combine(scratch, "cache"),
                LocalWheelDirectories = [wheels],
                NoIndex = true,
                EnvironmentVariables = ImmutableDictionary<string, string>.Empty,
            };
            using var resolver = new IndexPlatformResolver(spec, environment);

            var result = await new LockEngine(resolver).LockAsync(spec, LockOptions.Default, null, CancellationToken.None);

            result.Succeeded.ShouldBeFalse();
            result.Diagnostics.ShouldContain(d => d.IsError && pattern.IsMatch(d.Message), string.Join("\n", result.Diagnostics));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void ServeMentionedVersions(StackSpec spec, string folder)
    {
        Directory.CreateDirectory(folder);
        var versions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Requirement requirement in spec.Layers.SelectMany(l => l.Requirements))
        {
            var set = versions.TryGetValue(requirement.NormalizedName.Value, out var existing) ? existing : versions[requirement.NormalizedName.Value] = ["0.1"];
            foreach (var specifier in requirement.Specifier)
            {
                var release = specifier.Version.TrimEnd('*', '.').Split('.').Select(int.Parse).ToArray();
                set.Add(string.Join('.', release));
                set.Add(string.Join('.', release[..^1].Append(release[^1] + 1)));
                if (release[^1] > 0)
                {
                    set.Add(string.Join('.', release[..^1].Append(release[^1] - 1)));
                }
            }
        }

        foreach (var (name, list) in versions)
        {
            foreach (var version in list)
            {
                new WheelBuilder(name, version).Build().WriteTo(folder);
            }
        }
    }
}
