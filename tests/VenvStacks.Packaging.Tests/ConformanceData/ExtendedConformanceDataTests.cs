using System.Text.Json.Nodes;
using System.Xml.Linq;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Platforms;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Packaging.Tests.ConformanceData;

/// <summary>
/// The conformance tests select and classify cases by what the data says, never by case names: run against a copy of
/// the data with extra upstream-style cases of kinds the tests already cover (a musl, a debug and a free-threaded tag
/// target; a packse scenario on a platform no venvstacks target has), every conformance test still passes and the new
/// cases land where their kind belongs.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExtendedConformanceDataTests(ITestOutputHelper output) : IDisposable
{
    private const string ForeignScenario = "synthetic-fork-on-a-foreign-platform";

    private readonly string _root = TempDirectory.CreateUnder(Path.GetTempPath(), "venvstacks-testdata");

    [Fact]
    public async Task Conformance_tests_pass_on_data_with_extra_cases_of_known_kinds()
    {
        var data = Path.Combine(_root, "testdata");
        FileTrees.Copy(TestData.Root, data);
        var addedTargets = AddTagCases(Path.Combine(data, "pypa-packaging", "tags.json"));
        AddForeignPlatformScenario(Path.Combine(data, "packse"));

        var results = Path.Combine(_root, "results");
        var run = await DotnetCli.RunAsync(new DotnetInvocation(
            ["test", typeof(ExtendedConformanceDataTests).Assembly.Location, "--filter", "Category=Conformance",
                "--logger", "trx;LogFileName=extended.trx", "--results-directory", results],
            _root,
            BinlogPath: null,
            NuGetPackagesDirectory: null,
            TimeSpan.FromMinutes(10))
        {
            Environment = new Dictionary<string, string?> { [TestData.EnvironmentVariable] = data },
        });
        output.WriteLine(run.StandardOutput[^Math.Min(run.StandardOutput.Length, 4000)..]);

        run.ExitCode.ShouldBe(0, "every conformance test passes on the extended data");
        var outcomes = Outcomes(Path.Combine(results, "extended.trx"));
        outcomes.Values.ShouldAllBe(outcome => outcome == "Passed");

        // The new tag targets are checked as plain CPython tag lists, but never as venvstacks platforms.
        foreach (var target in addedTargets)
        {
            outcomes.Keys.ShouldContain(name => name.Contains("CPython_supported_tags", StringComparison.Ordinal) && name.Contains(target, StringComparison.Ordinal));
            outcomes.Keys.ShouldNotContain(name => name.Contains("Target_platform_with_layer_targets", StringComparison.Ordinal) && name.Contains(target, StringComparison.Ordinal));
        }

        // The scenario is classified by the platform its markers name, not listed anywhere by name.
        outcomes.Keys.ShouldContain(name => name.Contains(ForeignScenario, StringComparison.Ordinal) && name.Contains("foreign-platform", StringComparison.Ordinal));
    }

    /// <summary>
    /// Adds supported_tags cases for the data's musl, debug and free-threaded targets (adding the targets when a copy
    /// lacks them). Their expected lists come from the general tag generator, which the real cases verify; what this
    /// test shows is where such cases are routed.
    /// </summary>
    private static List<string> AddTagCases(string tagsFile)
    {
        var document = JsonNode.Parse(File.ReadAllText(tagsFile))!.AsObject();
        var targets = document["targets"]!.AsObject();
        var added = new List<string>();
        foreach (var (id, abi, platforms) in new (string, string, IReadOnlyList<string>)[]
        {
            ("synthetic-cp312-linux_x86_64-musl1.2", "cp312", PlatformTags.ForLinux("x86_64", null, (1, 2))),
            ("synthetic-cp312d-linux_x86_64-glibc2.28", "cp312d", PlatformTags.ForLinux("x86_64", (2, 28), null)),
            ("synthetic-cp313t-linux_x86_64-glibc2.28", "cp313t", PlatformTags.ForLinux("x86_64", (2, 28), null)),
        })
        {
            var minor = int.Parse(abi[3..5], System.Globalization.CultureInfo.InvariantCulture);
            targets[id] = new JsonObject
            {
                ["description"] = "synthetic: " + id,
                ["python_version"] = new JsonArray(3, minor),
                ["interpreter"] = "cp3" + minor,
                ["abis"] = new JsonArray(abi),
                ["platforms"] = new JsonArray([.. platforms.Select(p => (JsonNode)p)]),
            };
            var tags = SupportedTags.ForCPython(3, minor, [abi], platforms).Select(tag => (JsonNode)tag.ToString()).ToArray();
            document["supported_tags"]!.AsArray().Add(new JsonObject { ["target"] = id, ["count"] = tags.Length, ["tags"] = new JsonArray(tags) });
            added.Add(id);
        }

        File.WriteAllText(tagsFile, document.ToJsonString());
        return added;
    }

    /// <summary>
    /// A universal scenario uv reports unsatisfiable only because of a FreeBSD fork: every venvstacks platform would
    /// resolve it, so without the foreign-platform rule it would wrongly count as a per-platform improvement.
    /// </summary>
    private static void AddForeignPlatformScenario(string packseFolder)
    {
        var scenario = new JsonObject
        {
            ["name"] = ForeignScenario,
            ["category"] = "fork",
            ["description"] = "a>=2 is required on FreeBSD only, and only a 1.0.0 exists",
            ["root"] = new JsonObject { ["requires"] = new JsonArray("a>=2 ; sys_platform == 'freebsd'", "b"), ["requires_python"] = ">=3.12" },
            ["packages"] = new JsonObject
            {
                ["a"] = Package("1.0.0"),
                ["b"] = Package("1.0.0"),
            },
            ["environment"] = new JsonObject { ["python"] = "3.12", ["additional_python"] = new JsonArray() },
            ["resolver_options"] = new JsonObject
            {
                ["python"] = null,
                ["prereleases"] = false,
                ["no_build"] = new JsonArray(),
                ["no_binary"] = new JsonArray(),
                ["universal"] = true,
                ["python_platform"] = null,
                ["required_environments"] = null,
            },
            ["expected"] = new JsonObject { ["satisfiable"] = false, ["packages"] = null, ["explanation"] = null },
        };
        File.WriteAllText(Path.Combine(packseFolder, ForeignScenario + ".json"), scenario.ToJsonString());

        var indexFile = Path.Combine(packseFolder, "_index.json");
        var index = JsonNode.Parse(File.ReadAllText(indexFile))!.AsObject();
        index["scenarios"]!.AsArray().Add(ForeignScenario);
        File.WriteAllText(indexFile, index.ToJsonString());

        static JsonObject Package(string version) => new()
        {
            ["versions"] = new JsonObject
            {
                [version] = new JsonObject
                {
                    ["requires"] = new JsonArray(),
                    ["extras"] = new JsonObject(),
                    ["requires_python"] = ">=3.12",
                    ["yanked"] = false,
                    ["sdist"] = false,
                    ["wheel"] = true,
                    ["wheel_tags"] = new JsonArray("py3-none-any"),
                },
            },
        };
    }

    /// <summary>Test name → outcome from a trx file.</summary>
    private static Dictionary<string, string> Outcomes(string trx)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return XDocument.Load(trx).Descendants(ns + "UnitTestResult")
            .GroupBy(result => (string)result.Attribute("testName")!)
            .ToDictionary(group => group.Key, group => (string)group.First().Attribute("outcome")!);
    }

    public void Dispose() => TempDirectory.DeleteQuietly(_root);
}
