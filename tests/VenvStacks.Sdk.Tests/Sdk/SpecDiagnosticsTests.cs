using VenvStacks.TestSupport;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Sdk;

/// <summary>Mistakes in the spec fail the build with coded errors that point at the spec's file and line.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class SpecDiagnosticsTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task A_bad_requirement_fails_the_build_with_a_coded_error_at_its_line() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("bad-specs");
        var spec = Path.Combine(project.ProjectDirectory, "bad_requirement.toml");

        var result = await project.BuildAsync("-p:VenvStacksSpec=bad_requirement.toml");

        result.ShouldFail();
        var error = result.Log.Errors.ShouldHaveSingleItem(result.Describe());
        error.Code.ShouldStartWith("VSTK");
        error.File.ShouldBe(spec);
        error.LineNumber.ShouldBe(13);
        error.Message.ShouldContain("name<>");
        result.Output.ShouldContain($"{spec}(13,");
        result.Output.ShouldContain($"error {error.Code}: ");
    });

    [Fact]
    public Task Two_independent_mistakes_are_both_reported() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("bad-specs");
        var spec = Path.Combine(project.ProjectDirectory, "two_mistakes.toml");

        var result = await project.BuildAsync("-p:VenvStacksSpec=two_mistakes.toml");

        result.ShouldFail();
        result.Log.Errors.ShouldAllBe(e => e.Code.StartsWith("VSTK") && e.File == spec, result.Describe());
        result.Log.Errors.Select(e => e.LineNumber).ShouldBe([7, 13], ignoreOrder: true, result.Describe());
        result.Output.ShouldContain($"{spec}(7,");
        result.Output.ShouldContain($"{spec}(13,");
    });

    [Fact]
    public Task A_missing_spec_is_a_coded_error_naming_the_spec() => fixture.RunInProjectAsync(output, async project =>
    {
        var result = await project.BuildAsync();

        result.ShouldFail();
        var error = result.Log.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1000");
        error.File.ShouldBe(project.SpecPath);
        error.Message.ShouldContain(project.SpecPath);
    });

    /// <summary>
    /// Every spec we have (venvstacks' own error and success cases, the conformance projects with their lock files,
    /// and our malformed ones: not TOML, binary, wrong types, unknown keys) goes through both tasks in one build.
    /// Whatever the input, the console shows diagnostics, never an exception or a stack trace.
    /// </summary>
    [Fact]
    public Task No_spec_input_produces_an_exception_or_stack_trace() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithFilesFrom(TestData.PathTo("venvstacks"), Path.Combine("specs", "venvstacks"));
        project.WithAsset("bad-specs");
        project.WithProjectContent("""
              <ItemGroup>
                <SpecUnderTest Include="specs/**/*.toml;*.toml" />
              </ItemGroup>
              <Target Name="ValidateEverySpec" DependsOnTargets="_VenvStacksCheckMSBuildRuntime">
                <ResolveStackLayers Spec="%(SpecUnderTest.FullPath)" ContinueOnError="ErrorAndContinue" />
                <ShowStackLayers Spec="%(SpecUnderTest.FullPath)" Format="json" ContinueOnError="ErrorAndContinue" />
              </Target>
            """);
        var mustFail = Directory.EnumerateFiles(project.ProjectDirectory, "*.toml", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path).StartsWith("error_", StringComparison.Ordinal)
                           || Path.GetDirectoryName(path) == project.ProjectDirectory)
            .ToList();
        mustFail.Count.ShouldBeGreaterThan(20);

        var result = await project.BuildAsync("-t:ValidateEverySpec");

        ConsoleText.StackFrames(result.Output).ShouldBeEmpty(result.Describe());
        result.Output.ShouldNotContain("Exception", Case.Sensitive, result.Describe());
        result.Log.Errors.ShouldNotContain(e => e.Code == "VSTK9999" || e.Code.StartsWith("MSB", StringComparison.Ordinal), result.Describe());
        result.Log.Errors.ShouldAllBe(e => e.Code.StartsWith("VSTK"), result.Describe());
        foreach (var spec in mustFail)
        {
            result.Log.Errors.ShouldContain(e => e.File == spec, $"{spec} should be reported as invalid\n{result.Describe()}");
        }
    });

    /// <summary>
    /// Specs built to hurt (issue 12) fail the build one after the other with exit code 1 and a bounded number of coded
    /// errors located in the spec: a header 20,000 levels deep (once a stack overflow), a marker in 50,000
    /// parentheses, 5 MB of random bytes and 200 KB of garbage text (once hundreds of thousands of errors).
    /// </summary>
    [Fact]
    public Task Hostile_specs_fail_with_a_bounded_number_of_coded_located_errors() => fixture.RunInProjectAsync(output, async project =>
    {
        const string Runtime = "[[runtimes]]\nname = \"r\"\npython_implementation = \"cpython@3.11.7\"\nrequirements = []\n";
        var marker = new string('(', 50_000) + "python_version > \\\"3\\\"" + new string(')', 50_000);
        var random = new Random(12);
        // No brackets: random ones soon nest past the limit, which stops reading before any syntax error.
        const string Alphabet = "abc =\"'.,#\n0123456789";
        project.WithFile("deep.toml", Runtime + "[" + string.Join('.', Enumerable.Repeat("a", 20_000)) + "]\nx = 1\n");
        project.WithFile("marker.toml", Runtime.Replace("requirements = []", $"requirements = [\"quillon<2 ; {marker}\"]", StringComparison.Ordinal));
        project.WithFile("garbage.toml", new string([.. Enumerable.Range(0, 200_000).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
        var bytes = new byte[5 * 1024 * 1024];
        random.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(project.ProjectDirectory, "binary.toml"), bytes);

        foreach (var (file, code, maxErrors) in new[] { ("deep.toml", "VSTK1001", 1), ("marker.toml", "VSTK1005", 1), ("binary.toml", "VSTK1032", 1), ("garbage.toml", "VSTK1001", 101) })
        {
            var spec = Path.Combine(project.ProjectDirectory, file);

            var result = await project.BuildAsync($"-p:VenvStacksSpec={file}");

            result.ExitCode.ShouldBe(1, result.Describe());
            result.Log.Errors.ShouldNotBeEmpty(result.Describe());
            result.Log.Errors.Length.ShouldBeLessThanOrEqualTo(maxErrors, file);
            result.Log.Errors[0].Code.ShouldBe(code, result.Describe());
            result.Log.Errors.ShouldAllBe(e => e.Code.StartsWith("VSTK") && e.Code != "VSTK9999" && e.File == spec && e.LineNumber > 0, result.Describe());
            ConsoleText.StackFrames(result.Output).ShouldBeEmpty(result.Describe());
            result.Output.ShouldNotContain("Exception", Case.Sensitive, result.Describe());
            // MSBuild prints each error twice (as it happens and in the summary); everything else is a few lines.
            result.Output.Split('\n').Length.ShouldBeLessThan((2 * maxErrors) + 60, result.Describe());
        }
    });
}
