using Microsoft.Build.Framework;
using VenvStacks.Sdk.Tests.Locking;
using VenvStacks.Tasks;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Sdk;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>
/// The LockLayers task in process, against a package index served by the test: parameters become lock options,
/// engine results become outputs, diagnostics and progress messages, and Cancel stops a run promptly.
/// </summary>
public sealed class LockLayersTests : IAsyncLifetime
{
    private readonly LockScenario _scenario = LockScenario.Start();
    private readonly string _folder = TempDirectory.CreateUnder(TempDirectory.Root, "lock-task");

    private string SpecPath => Path.Combine(_folder, "venvstacks.toml");

    private string Requirements => Path.Combine(_folder, "requirements");

    public Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_folder, "tool.py"), "print('tool')\n");
        File.WriteAllText(SpecPath, _scenario.Spec());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scenario.DisposeAsync();
        TempDirectory.DeleteQuietly(_folder);
    }

    [Fact]
    public void Locking_returns_every_lock_file_with_its_layer_and_kind()
    {
        var (task, engine) = Run();

        engine.Errors.ShouldBeEmpty();
        task.LockChanged.ShouldBeTrue();
        task.LockFiles.Length.ShouldBe(12);
        task.LockFiles.Select(f => f.GetMetadata("Layer")).Distinct().ShouldBe(["cpython-3.11", "framework-sci", "app-tool"]);
        task.LockFiles.Where(f => f.GetMetadata("Layer") == "framework-sci")
            .Select(f => (Path.GetFileName(f.ItemSpec), f.GetMetadata("LockFileKind")))
            .ShouldBe(
            [
                ("requirements-framework-sci.in", "Requirements"),
                ("pylock.framework-sci.toml", "PyLock"),
                ("pylock.framework-sci.meta.json", "Metadata"),
                ("packages-framework-sci.txt", "Summary"),
            ]);
        task.LockFiles.ShouldAllBe(f => File.Exists(f.ItemSpec));
        task.WrittenFiles.Select(f => f.ItemSpec).ShouldBe(task.LockFiles.Select(f => f.ItemSpec), ignoreOrder: true);
    }

    [Fact]
    public void A_run_over_valid_locks_changes_nothing_and_asks_the_index_nothing()
    {
        Run();
        _scenario.Server.ClearRequests();

        var (task, engine) = Run();

        engine.Errors.ShouldBeEmpty();
        task.LockChanged.ShouldBeFalse();
        task.WrittenFiles.ShouldBeEmpty();
        task.LockFiles.Length.ShouldBe(12);
        _scenario.Server.Requests.ShouldBeEmpty();
        HighMessages(engine).ShouldContain(m => m.EndsWith("locks of 3 layers (Auto): 3 up to date; no lock file changed", StringComparison.Ordinal));
        HighMessages(engine).ShouldNotContain(m => m.StartsWith("Package index: ", StringComparison.Ordinal), "the index was not used");
    }

    [Fact]
    public void Progress_is_one_line_per_layer_and_one_index_summary_at_high_importance()
    {
        var (_, engine) = Run();

        var high = HighMessages(engine);
        high.Where(m => m.StartsWith("Locking ", StringComparison.Ordinal)).Select(m => m.Split(' ')[1])
            .ShouldBe(["cpython-3.11", "framework-sci", "app-tool"]);
        high.ShouldContain("Locking cpython-3.11 for linux_x86_64, linux_aarch64, macosx_arm64, macosx_x86_64, win_amd64, win_arm64");
        var summary = high.Single(m => m.StartsWith("Package index: ", StringComparison.Ordinal));
        summary.ShouldContain("downloaded");
        engine.Messages.Count(m => m.Importance == MessageImportance.Low && m.Message!.StartsWith("Package index: ", StringComparison.Ordinal))
            .ShouldBeGreaterThan(1, "each index event is in the detailed log");
    }

    [Fact]
    public void Locked_mode_reports_a_missing_lock_at_the_layers_line_in_the_spec_without_the_index()
    {
        var (task, engine) = Run(t => t.Mode = "locked");

        task.LockChanged.ShouldBeFalse();
        var runtimeError = engine.Errors.First();
        runtimeError.Code.ShouldBe("VSTK2001");
        runtimeError.File.ShouldBe(SpecPath);
        runtimeError.LineNumber.ShouldBe(FileStates.LineOf(File.ReadAllText(SpecPath), "[[runtimes]]"));
        runtimeError.Message.ShouldNotBeNull().ShouldContain("cpython-3.11");
        engine.Errors.Skip(1).ShouldAllBe(e => e.Code == "VSTK2004", "the layers above the unlocked runtime are blocked by it");
        _scenario.Server.Requests.ShouldBeEmpty();
        Directory.Exists(Requirements).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Lockd")]
    [InlineData("1")]
    [InlineData("Auto,Update")]
    public void An_unknown_mode_is_VSTK5004_and_locks_nothing(string mode)
    {
        var (_, engine) = Run(t => t.Mode = mode);

        var error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK5004");
        error.Message.ShouldNotBeNull().ShouldContain($"'{mode}'");
        Directory.Exists(Requirements).ShouldBeFalse();
    }

    [Theory]
    [InlineData("upgrade")]
    [InlineData("package")]
    [InlineData("reset")]
    public void Locked_mode_refuses_reset_and_upgrade_requests_with_VSTK5004(string request)
    {
        var (_, engine) = Run(t =>
        {
            t.Mode = "Locked";
            t.Upgrade = request == "upgrade";
            t.UpgradePackages = request == "package" ? ["numpy"] : [];
            t.ResetLock = request == "reset" ? ["framework-*"] : [];
        });

        engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("VSTK5004");
    }

    [Fact]
    public void An_upgrade_request_relocks_a_valid_lock_even_in_Auto_mode()
    {
        Run();
        _scenario.Serve("numpy", "2.4.0");

        var (task, engine) = Run(t => t.UpgradePackages = ["NumPy"]);

        engine.Errors.ShouldBeEmpty();
        task.LockChanged.ShouldBeTrue();
        File.ReadAllText(Path.Combine(Requirements, "cpython-3.11", "pylock.cpython-3_11.toml")).ShouldContain("version = \"2.4.0\"");
        HighMessages(engine).ShouldContain(m => m.Contains("(Update)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_node_is_yielded_while_locking_and_reacquired_on_the_same_thread()
    {
        var (_, engine) = Run();

        engine.NodeCalls.Select(c => c.Call).ShouldBe(["Yield", "Reacquire"]);
        engine.NodeCalls[0].ThreadId.ShouldBe(engine.NodeCalls[1].ThreadId);
    }

    [Fact]
    public async Task Cancel_stops_a_run_that_waits_for_the_index_with_VSTK5005_and_writes_nothing()
    {
        var stall = _scenario.Server.InjectFault(new ServerFault("/simple/", 1, ServerFaultKind.Stall) { BytesBeforeStall = 10 });
        var engine = new RecordingBuildEngine();
        using var task = NewTask(engine);
        var execution = Task.Run(task.Execute);

        await stall.Triggered.WaitAsync(TimeSpan.FromMinutes(1));
        task.Cancel();
        // A bound for a hung run, not a timing assertion: the index client alone would wait a minute per attempt.
        var succeeded = await execution.WaitAsync(TimeSpan.FromSeconds(30));

        succeeded.ShouldBeFalse();
        engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("VSTK5005");
        (Directory.Exists(Requirements) ? Directory.GetFiles(Requirements, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
    }

    [Fact]
    public void A_retry_is_reported_at_high_importance_as_it_happens()
    {
        // Issue 12, item 12: the default console verbosity shows high-importance messages only.
        _scenario.Server.FailNext("/simple/numpy/", 1);

        var (_, engine) = Run();

        engine.Errors.ShouldBeEmpty();
        HighMessages(engine).ShouldContain(m => m.StartsWith("Package index: retrying ", StringComparison.Ordinal) && m.Contains("/simple/numpy/", StringComparison.Ordinal));
        HighMessages(engine).ShouldContain(m => m.StartsWith("Package index: ", StringComparison.Ordinal) && m.EndsWith(", 1 retries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_wait_for_a_silent_index_is_reported_at_high_importance_while_it_lasts()
    {
        var stall = _scenario.Server.InjectFault(new ServerFault("/simple/numpy/", 1, ServerFaultKind.Stall) { BytesBeforeStall = 10 });
        var engine = new RecordingBuildEngine();
        using var task = NewTask(engine);
        task.LongWaitNotice = TimeSpan.FromSeconds(2);
        var execution = Task.Run(task.Execute);
        await stall.Triggered.WaitAsync(TimeSpan.FromMinutes(1));

        // Bounds for a silent run, not timing assertions: the notice comes after a few seconds without index activity.
        string? notice = null;
        for (var waited = 0; notice is null && waited < 90 && !execution.IsCompleted; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            notice = engine.MessagesSoFar()
                .Where(m => m.Importance == MessageImportance.High)
                .Select(m => m.Message)
                .FirstOrDefault(m => m is not null && m.Contains("nothing received from the package index for", StringComparison.Ordinal));
        }

        task.Cancel();
        await execution.WaitAsync(TimeSpan.FromSeconds(30));
        notice.ShouldNotBeNull("a build waiting on the index says so at the default verbosity");
        notice.ShouldStartWith("Locking cpython-3.11 for ");
    }

    [Fact]
    public void Local_wheel_folders_replace_the_index_when_NoIndex_is_set()
    {
        var wheels = Path.Combine(_folder, "wheels");
        _scenario.WriteWheelsTo(wheels);

        var (_, engine) = Run(t =>
        {
            t.LocalWheels = [new Microsoft.Build.Utilities.TaskItem(wheels)];
            t.NoIndex = true;
        });

        engine.Errors.ShouldBeEmpty();
        _scenario.Server.Requests.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(Requirements, "framework-sci", "pylock.framework-sci.toml"))
            .ShouldContain("path = \"../../wheels/scipy-1.16.1-py3-none-any.whl\"");
    }

    private static List<string> HighMessages(RecordingBuildEngine engine) =>
        [.. engine.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message ?? string.Empty)];

    private (LockLayers Task, RecordingBuildEngine Engine) Run(Action<LockLayers>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine);
        configure?.Invoke(task);
        task.Execute().ShouldBe(engine.Errors.Count == 0);
        task.Dispose();
        return (task, engine);
    }

    private LockLayers NewTask(RecordingBuildEngine engine) => new()
    {
        BuildEngine = engine,
        Spec = SpecPath,
        CacheDirectory = Path.Combine(_folder, "cache"),
    };
}
