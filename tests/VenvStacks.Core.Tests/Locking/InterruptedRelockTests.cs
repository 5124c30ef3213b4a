using System.Collections.Immutable;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// A relock that stops after the runtime's new lock was written but before the framework's (Ctrl+C, a killed build,
/// an index that stays down) leaves a framework lock whose shared entries no longer match the runtime's pins (issue
/// 12, item 11). Its own hashes still match, so only the consistency rule sees it: the next Auto run relocks it, a
/// Locked run refuses it with VSTK2001 naming the package and both versions.
/// </summary>
public sealed class InterruptedRelockTests : IAsyncLifetime
{
    private const string OldRuntimeRequirement = "quillon<1.2";
    private const string NewRuntimeRequirement = "quillon>=1.2,<2";

    private readonly LocalIndexServer _server = LocalIndexServer.Start();
    private readonly SpecFiles _files = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "vstk-cache-" + Guid.NewGuid().ToString("N"));

    private string Stack(string runtimeRequirement) =>
        File.ReadAllText(TestData.Asset("lock-stack", "interrupted-relock.toml"))
            .Replace("{index_url}", _server.SimpleUri.AbsoluteUri, StringComparison.Ordinal)
            .Replace("{runtime_requirement}", runtimeRequirement, StringComparison.Ordinal);

    public Task InitializeAsync()
    {
        _files.Touch("tool.py", "print('ok')\n");
        var day = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        _server.Add(new WheelBuilder("quillon", "1.1.0").Build(), day);
        _server.Add(new WheelBuilder("quillon", "1.2.0").Build(), day);
        _server.Add(new WheelBuilder("lanternfish", "0.3").WithRequiresDist("quillon<1.2").Build(), day);
        _server.Add(new WheelBuilder("lanternfish", "0.4").WithRequiresDist("quillon>=1.2").Build(), day);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _files.Dispose();
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_relock_canceled_while_locking_the_framework_its_lock_is_stale()
    {
        var spec = await LockedThenInterruptedByCancelAsync();

        var states = LockStateReader.Read(spec);

        states["cpython-3.11"].HasValidLock.ShouldBeTrue("the runtime's new lock was written before the interruption");
        states["framework-fish"].HasValidLock.ShouldBeFalse("its shared quillon 1.1.0 is not what the runtime pins now");
        states["framework-fish"].NeedsFullLock.ShouldBeTrue();
        states["app-tool"].HasValidLock.ShouldBeFalse("a layer above a stale one is stale too");
    }

    [Fact]
    public async Task Locked_mode_refuses_the_half_relocked_stack_naming_the_package_and_both_versions()
    {
        var spec = await LockedThenInterruptedByCancelAsync();

        var (result, _) = await LockAsync(spec, LockOptions.Default with { Mode = LockMode.Locked });

        result.Succeeded.ShouldBeFalse();
        var framework = result.Diagnostics.Single(d => d.Message.StartsWith("Layer framework-fish:", StringComparison.Ordinal));
        framework.Code.ShouldBe("VSTK2001");
        framework.Message.ShouldContain("quillon");
        framework.Message.ShouldContain("1.1.0");
        framework.Message.ShouldContain("1.2.0");
        framework.Message.ShouldContain("cpython-3.11");
        framework.Location!.Line.ShouldBe(10);
        result.Diagnostics.Single(d => d.Message.StartsWith("Layer app-tool:", StringComparison.Ordinal)).Code.ShouldBe("VSTK2004");
    }

    [Fact]
    public async Task Auto_mode_relocks_the_half_relocked_layers_against_the_new_pins()
    {
        var spec = await LockedThenInterruptedByCancelAsync();

        var (result, _) = await LockAsync(spec, LockOptions.Default);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Single(l => l.BuildName == "framework-fish").Action.ShouldBe(LayerLockAction.Locked);
        Version(spec, "framework-fish", "lanternfish").ShouldBe("0.4");
        Version(spec, "framework-fish", "quillon").ShouldBe("1.2.0");
        LockStateReader.Read(spec).Values.ShouldAllBe(s => s.HasValidLock);
    }

    [Fact]
    public async Task An_index_failure_while_locking_the_framework_leaves_a_stale_lock_too()
    {
        var spec = await LockAsync(OldRuntimeRequirement);
        var relock = Load(Stack(NewRuntimeRequirement));
        _server.FailNext("/simple/lanternfish/", 100);

        var (failed, _) = await LockAsync(relock, LockOptions.Default);

        failed.Diagnostics.ShouldContain(d => d.Code == "VSTK2103");
        Version(relock, "cpython-3.11", "quillon").ShouldBe("1.2.0");
        Version(relock, "framework-fish", "lanternfish").ShouldBe("0.3");
        LockStateReader.Read(relock)["framework-fish"].HasValidLock.ShouldBeFalse();
        _server.ClearFaults();
        var (repaired, _) = await LockAsync(relock, LockOptions.Default);
        repaired.Succeeded.ShouldBeTrue(string.Join("\n", repaired.Diagnostics));
        Version(relock, "framework-fish", "quillon").ShouldBe("1.2.0");
        spec.SpecPath.ShouldBe(relock.SpecPath);
    }

    // Locks the stack with the old runtime requirement, then relocks with the new one and cancels the run as soon
    // as the framework is being resolved (as Ctrl+C would); returns the spec with the new requirement.
    private async Task<StackSpec> LockedThenInterruptedByCancelAsync()
    {
        await LockAsync(OldRuntimeRequirement);
        Version(Load(Stack(OldRuntimeRequirement)), "framework-fish", "lanternfish").ShouldBe("0.3");
        var spec = Load(Stack(NewRuntimeRequirement));
        using var cancel = new CancellationTokenSource();
        using var inner = NewResolver(spec);
        var resolver = new CancelingResolver(inner, "framework-fish", cancel);

        await Should.ThrowAsync<OperationCanceledException>(
            () => new LockEngine(resolver).LockAsync(spec, LockOptions.Default, null, cancel.Token));

        Version(spec, "cpython-3.11", "quillon").ShouldBe("1.2.0");
        Version(spec, "framework-fish", "lanternfish").ShouldBe("0.3");
        return spec;
    }

    private async Task<StackSpec> LockAsync(string runtimeRequirement)
    {
        var spec = Load(Stack(runtimeRequirement));
        var (result, _) = await LockAsync(spec, LockOptions.Default);
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        return spec;
    }

    private async Task<(LockRunResult Result, StackSpec Spec)> LockAsync(StackSpec spec, LockOptions options)
    {
        using var resolver = NewResolver(spec);
        return (await new LockEngine(resolver).LockAsync(spec, options, null, CancellationToken.None), spec);
    }

    private StackSpec Load(string toml)
    {
        var load = _files.Load(toml);
        return load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));
    }

    private IndexPlatformResolver NewResolver(StackSpec spec) =>
        new(spec, LockEnvironment.Default with { CacheDirectory = _cache, EnvironmentVariables = ImmutableDictionary<string, string>.Empty });

    private static string Version(StackSpec spec, string layer, string package) =>
        PyLock.Parse(File.ReadAllText(LayerLockFiles.For(spec, spec.GetLayer(layer)).PyLockPath)).Packages.Single(p => p.Name == package).Version!;

    /// <summary>Cancels the run when asked to resolve <paramref name="layer"/>, the way Ctrl+C would at that moment.</summary>
    private sealed class CancelingResolver(IPlatformResolver inner, string layer, CancellationTokenSource cancel) : IPlatformResolver
    {
        public Task<PlatformResolutionOutcome> ResolveAsync(PlatformResolutionRequest request, CancellationToken cancellationToken)
        {
            if (request.Layer.BuildName == layer)
            {
                cancel.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return inner.ResolveAsync(request, cancellationToken);
        }
    }
}
