using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Harness;

/// <summary>The E2E harness itself: binary logs are read completely, and a hung build is killed with its children.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class HarnessTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task The_build_log_exposes_targets_messages_and_positioned_diagnostics() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");
        project.WithProjectContent("""
              <Target Name="HarnessProbe">
                <Message Importance="high" Text="HARNESS-MARKER-7F3A" />
                <Warning Code="HRN0001" File="venvstacks.toml" Text="a warning" />
                <Error Code="HRN0002" File="venvstacks.toml" Text="an error" />
              </Target>
            """);

        var result = await project.BuildAsync("-t:HarnessProbe");

        result.ShouldFail();
        result.Log.TargetRan("HarnessProbe").ShouldBeTrue();
        result.Log.ProjectsStarted.ShouldContain(p => p.ProjectFile == project.ProjectPath);
        result.Log.HighImportanceMessages.ShouldContain("HARNESS-MARKER-7F3A");
        result.Log.Warnings.ShouldHaveSingleItem().Code.ShouldBe("HRN0001");
        var error = result.Log.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("HRN0002");
        error.File.ShouldNotBeNull().ShouldEndWith("venvstacks.toml");
        result.Output.ShouldContain("error HRN0002: an error");
    });

    [Fact]
    public Task A_build_that_outlives_its_time_limit_is_killed_with_its_child_processes() => fixture.RunInProjectAsync(output, async project =>
    {
        // An odd duration makes the child process recognisable among everything else running on the machine.
        const string Marker = "317.123";
        project.WithAsset("diamond");
        project.WithProjectContent($"""
              <Target Name="Hang">
                <Exec Command="sleep {Marker}" Condition="'$(OS)' != 'Windows_NT'" />
                <Exec Command="ping -n 317 127.0.0.1" Condition="'$(OS)' == 'Windows_NT'" />
              </Target>
            """);

        var result = await project.RunAsync("build", ["-t:Hang"], timeout: TimeSpan.FromSeconds(20));

        result.TimedOut.ShouldBeTrue(result.Describe());
        result.Succeeded.ShouldBeFalse();
        if (Directory.Exists("/proc"))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            ProcessesWithArgument(Marker).ShouldBeEmpty("the build's child processes must not outlive it");
        }
    });

    private static List<string> ProcessesWithArgument(string argument) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return string.Empty;
                }
                catch (UnauthorizedAccessException)
                {
                    return string.Empty;
                }
            })
            .Where(cmdline => cmdline.Contains(argument, StringComparison.Ordinal)),
    ];
}
