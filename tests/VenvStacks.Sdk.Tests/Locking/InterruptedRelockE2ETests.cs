using System.Diagnostics;
using VenvStacks.TestSupport.FileSystem;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>
/// Interrupting a relock at any point leaves a state the next Auto build repairs and a Locked build refuses with a
/// coded error (issue 12, item 11): the runtime moves from quillon 1.1.0 to 1.2.0, and the relock is stopped (Ctrl+C,
/// a killed build, an index that stays down) while the framework, whose lanternfish 0.3 needs quillon &lt;1.2, is being
/// locked. Also: a named pipe in a launch package does not hang the build (item 5).
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class InterruptedRelockE2ETests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    private const string FrameworkPyLock = "requirements/framework-fish/pylock.framework-fish.toml";

    [Theory]
    [InlineData("Ctrl+C")]
    [InlineData("kill")]
    [InlineData("index down")]
    public Task A_relock_interrupted_while_locking_the_framework_is_refused_by_Locked_and_repaired_by_Auto(string interruption) =>
        fixture.RunInProjectAsync(
            output,
            async project =>
            {
                await using var scenario = LockScenario.Start();
                scenario.Serve("quillon", "1.1.0");
                scenario.Serve("quillon", "1.2.0");
                scenario.Serve("lanternfish", "0.3", "quillon<1.2");
                scenario.Serve("lanternfish", "0.4", "quillon>=1.2");
                scenario.Prepare(project, Spec(scenario, "quillon<1.2"));
                (await project.BuildAsync()).ShouldSucceed();
                PinOf(project, FrameworkPyLock, "lanternfish").ShouldBe("0.3");

                var relocked = Spec(scenario, "quillon>=1.2,<2");
                project.WithSpec(relocked);
                await InterruptRelockAsync(project, scenario, interruption);

                PinOf(project, "requirements/cpython-3.11/pylock.cpython-3_11.toml", "quillon").ShouldBe("1.2.0", "the runtime was relocked before the interruption");
                PinOf(project, FrameworkPyLock, "lanternfish").ShouldBe("0.3", "the framework's relock never finished");
                var halfDone = FileStates.Of(Requirements(project));
                scenario.Server.ClearRequests();

                var locked = await project.BuildAsync("-p:VenvStacksLockMode=Locked");

                locked.ShouldFail();
                var stale = locked.Log.Errors.Single(e => e.Message.Contains("framework-fish", StringComparison.Ordinal) && e.Code == "VSTK2001");
                stale.Message.ShouldContain("quillon");
                stale.Message.ShouldContain("1.1.0");
                stale.Message.ShouldContain("1.2.0");
                stale.File.ShouldBe(project.SpecPath);
                stale.LineNumber.ShouldBe(FileStates.LineOf(relocked, "[[frameworks]]"));
                locked.Log.Errors.Where(e => e != stale).ShouldAllBe(e => e.Code == "VSTK2004" && e.Message.Contains("app-tool", StringComparison.Ordinal));
                scenario.Server.Requests.ShouldBeEmpty();
                FileStates.Changed(halfDone, FileStates.Of(Requirements(project))).ShouldBeEmpty();

                var repair = await project.BuildAsync();

                repair.ShouldSucceed();
                repair.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith("Locking framework-fish for ", StringComparison.Ordinal));
                PinOf(project, FrameworkPyLock, "lanternfish").ShouldBe("0.4");
                PinOf(project, FrameworkPyLock, "quillon").ShouldBe("1.2.0");
                (await project.BuildAsync("-p:VenvStacksLockMode=Locked")).ShouldSucceed();
            },
            testName: $"{nameof(A_relock_interrupted_while_locking_the_framework_is_refused_by_Locked_and_repaired_by_Auto)}-{interruption.Replace(' ', '-').Replace('+', '-')}");

    [UnixFact]
    public Task A_named_pipe_in_a_versioned_launch_package_does_not_hang_the_build() => fixture.RunInProjectAsync(output, async project =>
    {
        await using var scenario = LockScenario.Start();
        scenario.Prepare(project, scenario.Spec().Replace("launch_module = \"tool.py\"", "launch_module = \"pkg\"\nversioned = true", StringComparison.Ordinal));
        project.WithFile("pkg/__main__.py", "print('tool')\n");
        var fifo = SpecialFiles.MakeFifo(Path.Combine(project.ProjectDirectory, "pkg", "fifo"));

        // A bound for a hung build (the harness kills it), not a timing assertion.
        var build = await project.RunAsync("build", [], TimeSpan.FromMinutes(3));

        build.TimedOut.ShouldBeFalse($"the build hung on {fifo}");
        build.ShouldSucceed();
        build.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith("Locking app-tool for ", StringComparison.Ordinal));
    });

    private static string Spec(LockScenario scenario, string runtimeRequirement) =>
        scenario.Spec("interrupted-relock.toml").Replace("{runtime_requirement}", runtimeRequirement, StringComparison.Ordinal);

    // Runs the relocking build and stops it while the framework is being locked: the runtime's new lock is written
    // by then, since layers lock lower layers first and each writes its files once its own lock is complete.
    private async Task InterruptRelockAsync(TestProject project, LockScenario scenario, string interruption)
    {
        if (interruption == "index down")
        {
            // Every attempt at the framework's package fails; the index client gives up with VSTK2103.
            scenario.Server.FailNext("/simple/lanternfish/", 1000);
            var failed = await project.BuildAsync();
            failed.ShouldFail();
            failed.Log.Errors.ShouldContain(e => e.Code == "VSTK2103" && e.Message.Contains("framework-fish", StringComparison.Ordinal), failed.Describe());
            scenario.Server.ClearFaults();
            return;
        }

        var stall = scenario.Server.InjectFault(new ServerFault("/simple/lanternfish/", 1, ServerFaultKind.Stall) { BytesBeforeStall = 10 });
        using var kill = new CancellationTokenSource();
        Process? dotnet = null;
        var run = project.RunAsync("build", [], p => dotnet = p, TimeSpan.FromMinutes(3), kill.Token);
        await stall.Triggered.WaitAsync(TimeSpan.FromMinutes(3));
        if (interruption == "Ctrl+C" && ProcessTree.SupportsSignals)
        {
            ProcessTree.Interrupt(dotnet!.Id);
            var result = await run;
            result.ShouldFail();
            result.Output.ShouldContain("VSTK5005", customMessage: result.Describe());
            return;
        }

        // SIGKILL for the whole process tree: nothing in the build gets to clean up.
        await kill.CancelAsync();
        var killed = false;
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            killed = true;
        }

        killed.ShouldBeTrue("the harness kills the build's process tree when its token is canceled");
    }

    private static string Requirements(TestProject project) => Path.Combine(project.ProjectDirectory, "requirements");

    private static string PinOf(TestProject project, string pylock, string package)
    {
        var text = File.ReadAllText(Path.Combine(project.ProjectDirectory, pylock));
        var key = $"name = \"{package}\"\nversion = \"";
        var start = text.IndexOf(key, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{package} is in {pylock}");
        start += key.Length;
        return text[start..text.IndexOf('"', start)];
    }
}
