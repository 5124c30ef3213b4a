using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;
using LoggedTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>
/// `dotnet build` locks the stack: every layer gets its requirements/ files, a second build skips LockLayers, spec
/// edits relock only what they affect, Locked mode (explicit or by ContinuousIntegrationBuild) never touches the
/// network, Update keeps pins unless an upgrade is asked for, local wheelhouses work without an index, failures
/// and cancellation leave the previous locks alone, and Clean never deletes a lock file.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class LockLayersE2ETests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] LayerFolders = ["cpython-3.11", "framework-sci", "app-tool"];

    [Fact]
    public Task A_build_locks_every_layer_and_ShowLayers_then_marks_none_as_unlocked() => WithScenario(async (project, scenario) =>
    {
        var build = await project.BuildAsync();

        build.ShouldSucceed();
        LockTaskRan(build).ShouldBeTrue();
        var files = FileStates.Of(RequirementsOf(project));
        files.Keys.ShouldBe(
        [
            "app-tool/packages-app-tool.txt", "app-tool/pylock.app-tool.meta.json", "app-tool/pylock.app-tool.toml", "app-tool/requirements-app-tool.in",
            "cpython-3.11/packages-cpython-3.11.txt", "cpython-3.11/pylock.cpython-3_11.meta.json", "cpython-3.11/pylock.cpython-3_11.toml", "cpython-3.11/requirements-cpython-3_11.in",
            "framework-sci/packages-framework-sci.txt", "framework-sci/pylock.framework-sci.meta.json", "framework-sci/pylock.framework-sci.toml", "framework-sci/requirements-framework-sci.in",
        ], ignoreOrder: true);
        files["cpython-3.11/pylock.cpython-3_11.toml"].Content.ShouldContain("name = \"numpy\"\nversion = \"2.3.2\"");
        build.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith("Locking framework-sci for ", StringComparison.Ordinal));
        build.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith("Package index: ", StringComparison.Ordinal));

        var show = await project.BuildAsync("-t:ShowLayers");

        show.ShouldSucceed();
        var tree = show.Log.HighImportanceMessages.Single(m => m.Contains("app-tool", StringComparison.Ordinal));
        tree.ShouldNotContain("*", Case.Sensitive, "every layer has a valid lock now");
        LayerFolders.ShouldAllBe(layer => tree.Contains(layer));
    });

    [Fact]
    public Task The_layer_items_after_a_lock_carry_the_lock_version_it_wrote() => WithScenario(async (project, scenario) =>
    {
        // A versioned layer's install target names its lock version, which the first lock decides.
        scenario.Prepare(
            project,
            scenario.Spec().Replace("launch_module = \"tool.py\"", "launch_module = \"tool.py\"\nversioned = true", StringComparison.Ordinal),
            """
              <Target Name="PrintInstallTargets" AfterTargets="LockLayers">
                <Message Importance="high" Text="install target: %(VenvStacksLayer.InstallTarget)" />
              </Target>
            """);

        var build = await project.BuildAsync();

        build.ShouldSucceed();
        build.Log.HighImportanceMessages.ShouldContain("install target: app-tool@1", build.Describe());
        build.Log.HighImportanceMessages.ShouldContain("install target: framework-sci");
    });

    [Fact]
    public Task A_second_build_skips_LockLayers_and_writes_nothing() => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync()).ShouldSucceed();
        var before = FileStates.Of(project.ProjectDirectory);
        scenario.Server.ClearRequests();

        var second = await project.BuildAsync();

        second.ShouldSucceed();
        second.Log.TargetSkipped("LockLayers", TargetSkipReason.OutputsUpToDate).ShouldBeTrue(second.Describe());
        LockTaskRan(second).ShouldBeFalse();
        FileStates.Changed(before, FileStates.Of(project.ProjectDirectory))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) || f.Contains("/venvstacks/", StringComparison.Ordinal))
            .ShouldBeEmpty("neither lock files nor the stamp or inputs cache change");
        scenario.Server.Requests.ShouldBeEmpty();

        // The skipped target still registered its stamp for IncrementalClean, so a third build skips it too.
        var third = await project.BuildAsync();
        third.ShouldSucceed();
        third.Log.TargetSkipped("LockLayers", TargetSkipReason.OutputsUpToDate).ShouldBeTrue(third.Describe());
        output.WriteLine($"second and third builds, LockLayers skipped: {Seconds(second)}, {Seconds(third)}");

        (await project.BuildAsync("-question")).ShouldSucceed();
        File.SetLastWriteTimeUtc(project.SpecPath, DateTime.UtcNow.AddSeconds(2));
        (await project.BuildAsync("-question")).ShouldFail().Output.ShouldContain("LockLayers");
    });

    [Fact]
    public Task An_unknown_lock_mode_is_VSTK5004_on_every_build() => WithScenario(async (project, scenario) =>
    {
        foreach (var attempt in new[] { 1, 2 })
        {
            var build = await project.BuildAsync("-p:VenvStacksLockMode=Relock");

            build.ShouldFail();
            var error = build.Log.Errors.ShouldHaveSingleItem();
            error.Code.ShouldBe("VSTK5004", $"attempt {attempt}");
            error.Message.ShouldContain("'Relock'");
        }

        Directory.Exists(RequirementsOf(project)).ShouldBeFalse();
    });

    [Fact]
    public Task When_LockLayers_runs_on_a_locked_stack_it_reads_files_only() => WithScenario(async (project, scenario) =>
    {
        var first = await project.BuildAsync();
        first.ShouldSucceed();
        var before = FileStates.Of(RequirementsOf(project));
        scenario.Server.ClearRequests();
        // A newer spec file time makes MSBuild run the target; the content is unchanged, so every lock is valid.
        File.SetLastWriteTimeUtc(project.SpecPath, DateTime.UtcNow.AddSeconds(2));

        var rerun = await project.BuildAsync();

        rerun.ShouldSucceed();
        LockTaskRan(rerun).ShouldBeTrue();
        scenario.Server.Requests.ShouldBeEmpty("a valid lock is confirmed from its hashes, without the index");
        FileStates.Changed(before, FileStates.Of(RequirementsOf(project))).ShouldBeEmpty();
        rerun.Log.HighImportanceMessages.ShouldContain(m => m.EndsWith("3 up to date; no lock file changed", StringComparison.Ordinal));
        var lockTime = TaskTime(first);
        var checkTime = TaskTime(rerun);
        output.WriteLine($"LockLayers task: {Millis(lockTime)} locking 3 layers from the index, {Millis(checkTime)} confirming them from files (builds: {Seconds(first)}, {Seconds(rerun)})");
    });

    [Fact]
    public Task Editing_one_layers_requirements_relocks_only_the_layers_it_affects() => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync()).ShouldSucceed();
        var before = FileStates.Of(RequirementsOf(project));
        project.WithSpec(scenario.Spec().Replace("requirements = [\"scipy\"]", "requirements = [\"scipy\", \"click\"]", StringComparison.Ordinal));

        var build = await project.BuildAsync();

        build.ShouldSucceed();
        var after = FileStates.Of(RequirementsOf(project));
        var changed = FileStates.Changed(before, after);
        changed.ShouldNotBeEmpty();
        changed.ShouldAllBe(f => f.StartsWith("framework-sci/", StringComparison.Ordinal), "the runtime and the application keep their files and times");
        after["framework-sci/pylock.framework-sci.toml"].Content.ShouldContain("name = \"click\"");
    });

    [Fact]
    public Task Locked_mode_with_a_stale_lock_fails_at_the_layer_without_touching_the_index() => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync()).ShouldSucceed();
        var before = FileStates.Of(RequirementsOf(project));
        var stale = scenario.Spec().Replace("requirements = [\"scipy\"]", "requirements = [\"scipy\", \"click\"]", StringComparison.Ordinal);
        project.WithSpec(stale);
        scenario.Server.ClearRequests();

        var build = await project.BuildAsync("-p:VenvStacksLockMode=Locked");

        build.ShouldFail();
        var error = build.Log.Errors.First(e => e.Message.Contains("framework-sci", StringComparison.Ordinal));
        error.Code.ShouldBe("VSTK2001");
        build.Log.Errors.Where(e => e != error).ShouldAllBe(e => e.Code == "VSTK2004", "the layer above the stale one is blocked by it");
        error.File.ShouldBe(project.SpecPath);
        error.LineNumber.ShouldBe(FileStates.LineOf(stale, "[[frameworks]]"));
        error.Message.ShouldContain("lock_input_hash");
        scenario.Server.Requests.ShouldBeEmpty();
        FileStates.Changed(before, FileStates.Of(RequirementsOf(project))).ShouldBeEmpty();
    });

    [Fact]
    public Task A_continuous_integration_build_defaults_to_Locked() => WithScenario(async (project, scenario) =>
    {
        var unlocked = await project.BuildAsync("-p:ContinuousIntegrationBuild=true");

        unlocked.ShouldFail();
        unlocked.Log.Errors.Select(e => e.Code).Distinct().ShouldBe(["VSTK2001", "VSTK2004"], "the runtime is unlocked; the layers above it are blocked by it");
        unlocked.Log.Errors.ShouldContain(e => e.Message.Contains("cpython-3.11", StringComparison.Ordinal) && e.File == project.SpecPath);
        Directory.Exists(RequirementsOf(project)).ShouldBeFalse();
        scenario.Server.Requests.ShouldBeEmpty();

        (await project.BuildAsync()).ShouldSucceed();
        scenario.Server.ClearRequests();
        (await project.BuildAsync("-p:ContinuousIntegrationBuild=true")).ShouldSucceed();
        scenario.Server.Requests.ShouldBeEmpty("a CI build of a locked stack only checks the committed locks");
    });

    [Fact]
    public Task Update_keeps_the_previous_pins_and_an_upgrade_request_takes_the_newer_version() => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync()).ShouldSucceed();
        scenario.Serve("numpy", "2.4.0");

        var update = await project.BuildAsync("-t:LockLayers", "-p:VenvStacksLockMode=Update");

        update.ShouldSucceed();
        LockTaskRan(update).ShouldBeTrue();
        update.Log.HighImportanceMessages.ShouldContain(m => m.StartsWith("Locking cpython-3.11 for ", StringComparison.Ordinal));
        NumpyPin(project).ShouldBe("2.3.2", "relocking prefers what the lock had");

        var upgrade = await project.BuildAsync("-t:LockLayers", "-p:VenvStacksUpgradePackages=NumPy");

        upgrade.ShouldSucceed();
        NumpyPin(project).ShouldBe("2.4.0");
        File.ReadAllText(Path.Combine(RequirementsOf(project), "framework-sci", "pylock.framework-sci.toml"))
            .ShouldContain("name = \"numpy\"\nversion = \"2.4.0\"", customMessage: "the framework's shared entry follows the runtime");

        var again = await project.BuildAsync("-t:LockLayers", "-p:VenvStacksLockMode=Update");
        LockTaskRan(again).ShouldBeTrue("Update never takes the stamp's word for it");
    });

    [Theory]
    [InlineData("property")]
    [InlineData("item")]
    public Task Local_wheels_without_an_index_lock_with_relative_paths(string style) => WithScenario(async (project, scenario) =>
    {
        scenario.WriteWheelsTo(Path.Combine(project.ProjectDirectory, "wheelhouse"));
        string[] arguments = style == "property"
            ? ["-p:VenvStacksLocalWheels=wheelhouse", "-p:VenvStacksNoIndex=true"]
            : ["-p:VenvStacksNoIndex=true"];
        if (style == "item")
        {
            scenario.Prepare(project, extraProjectContent: "<ItemGroup><VenvStacksLocalWheels Include=\"wheelhouse\" /></ItemGroup>");
        }

        var build = await project.BuildAsync(arguments);

        build.ShouldSucceed();
        var pylock = File.ReadAllText(Path.Combine(RequirementsOf(project), "cpython-3.11", "pylock.cpython-3_11.toml"));
        pylock.ShouldContain("path = \"../../wheelhouse/numpy-2.3.2-py3-none-any.whl\"");
        pylock.ShouldNotContain("url = ");
        pylock.ShouldNotContain(project.ProjectDirectory);
        scenario.Server.Requests.ShouldBeEmpty();
    });

    [Fact]
    public Task An_unsatisfiable_layer_fails_with_VSTK2002_and_leaves_the_earlier_locks_alone() => WithScenario(async (project, scenario) =>
    {
        scenario.Serve("numpy", "2.3.4");
        var conflict = scenario.Spec("conflict.toml");
        project.WithSpec(conflict.Replace("[\"numpy>=2.3.4\"]", "[\"numpy\"]", StringComparison.Ordinal));
        (await project.BuildAsync()).ShouldSucceed();
        var before = FileStates.Of(RequirementsOf(project));
        before.Keys.ShouldContain("framework-numpy/pylock.framework-numpy.toml");
        project.WithSpec(conflict);

        var build = await project.BuildAsync();

        build.ShouldFail();
        var error = build.Log.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK2002");
        error.Message.ShouldContain("Failed to lock layer 'framework-numpy'");
        error.File.ShouldBe(project.SpecPath);
        error.LineNumber.ShouldBe(FileStates.LineOf(conflict, "[[frameworks]]"));
        FileStates.Changed(before, FileStates.Of(RequirementsOf(project))).ShouldBeEmpty();
        File.GetLastWriteTimeUtc(LockStamp(project)).ShouldBeLessThan(File.GetLastWriteTimeUtc(project.SpecPath), "a failed run leaves the stamp of the last good one, so the next build locks again");
    });

    [Theory]
    [InlineData("build")]
    [InlineData("-t:LockLayers")]
    public Task Clean_keeps_the_lock_files_and_removes_the_stamp(string firstCommand) => WithScenario(async (project, scenario) =>
    {
        (await project.BuildAsync(firstCommand == "build" ? [] : [firstCommand])).ShouldSucceed();
        var before = FileStates.Of(RequirementsOf(project));
        File.Exists(LockStamp(project)).ShouldBeTrue();

        (await project.CleanAsync()).ShouldSucceed();

        FileStates.Of(RequirementsOf(project)).ShouldBe(before);
        File.Exists(LockStamp(project)).ShouldBeFalse();
        var rebuild = await project.BuildAsync();
        rebuild.ShouldSucceed();
        LockTaskRan(rebuild).ShouldBeTrue();
        FileStates.Of(RequirementsOf(project)).ShouldBe(before);
    });

    [Fact]
    public Task Canceling_a_build_that_waits_for_the_index_leaves_no_lock_no_stamp_and_no_process() => WithScenario(async (project, scenario) =>
    {
        var stall = scenario.Server.InjectFault(new TestSupport.IndexServer.ServerFault("/simple/", 1, TestSupport.IndexServer.ServerFaultKind.Stall) { BytesBeforeStall = 10 });
        using var giveUp = new CancellationTokenSource();
        Process? dotnet = null;
        var run = project.RunAsync("build", [], p => dotnet = p, TimeSpan.FromMinutes(3), giveUp.Token);

        await stall.Triggered.WaitAsync(TimeSpan.FromMinutes(3));
        var stopwatch = Stopwatch.StartNew();
        if (ProcessTree.SupportsSignals)
        {
            var children = ProcessTree.Descendants(dotnet!.Id);
            ProcessTree.Interrupt(dotnet.Id);
            var result = await run;

            result.ShouldFail();
            result.Output.ShouldContain("VSTK5005", customMessage: "the task was canceled, not the process killed\n" + result.Describe());
            output.WriteLine($"Build stopped {stopwatch.ElapsedMilliseconds} ms after Ctrl+C ({children.Count} child processes)");
            children.Where(ProcessTree.IsRunning).ShouldBeEmpty("no process of the build outlives it");
        }
        else
        {
            // Windows has no SIGINT for a child without a console: the harness kills the process tree instead.
            await giveUp.CancelAsync();
            var canceled = false;
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
                canceled = true;
            }

            canceled.ShouldBeTrue("the harness stops the build when its token is canceled");
        }

        var requirements = RequirementsOf(project);
        (Directory.Exists(requirements) ? Directory.GetFiles(requirements, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
        File.Exists(LockStamp(project)).ShouldBeFalse();
    });

    private static string RequirementsOf(TestProject project) => Path.Combine(project.ProjectDirectory, "requirements");

    private static string LockStamp(TestProject project) =>
        Path.Combine(project.ProjectDirectory, "obj", "Debug", "venvstacks", "stamp", "LockLayers.stamp");

    private static string NumpyPin(TestProject project)
    {
        var text = File.ReadAllText(Path.Combine(RequirementsOf(project), "cpython-3.11", "pylock.cpython-3_11.toml"));
        var start = text.IndexOf("name = \"numpy\"\nversion = \"", StringComparison.Ordinal) + "name = \"numpy\"\nversion = \"".Length;
        return text[start..text.IndexOf('"', start)];
    }

    // A skipped target still reports TargetStarted/TargetFinished; whether the task ran is what tells.
    private static bool LockTaskRan(DotnetResult result) =>
        result.Log.Tree.FindChildrenRecursive<LoggedTask>(t => t.Name == "LockLayers").Count > 0;

    private static TimeSpan TaskTime(DotnetResult result) =>
        result.Log.Tree.FindChildrenRecursive<LoggedTask>(t => t.Name == "LockLayers").ShouldHaveSingleItem().Duration;

    private static string Millis(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(DotnetResult result) => result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private Task WithScenario(Func<TestProject, LockScenario, Task> test, [System.Runtime.CompilerServices.CallerMemberName] string testName = "") =>
        fixture.RunInProjectAsync(
            output,
            async project =>
            {
                await using var scenario = LockScenario.Start();
                scenario.Prepare(project);
                await test(project, scenario);
            },
            testName: testName);
}
