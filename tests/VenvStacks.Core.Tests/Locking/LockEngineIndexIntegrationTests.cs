using System.Collections.Immutable;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// The lock engine end to end over the real resolver and index client, against a package index served on 127.0.0.1
/// with generated wheels for several platforms.
/// </summary>
public sealed class LockEngineIndexIntegrationTests : IAsyncLifetime
{
    private static readonly string[] AllPlatformTags =
    [
        "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
        "cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64",
        "cp311-cp311-macosx_11_0_arm64",
        "cp311-cp311-macosx_10_9_x86_64",
        "cp311-cp311-win_amd64",
        "cp311-cp311-win_arm64",
    ];

    private readonly LocalIndexServer _server = LocalIndexServer.Start();
    private readonly SpecFiles _files = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "vstk-cache-" + Guid.NewGuid().ToString("N"));

    private string Stack => $$"""
        [[runtimes]]
        name = "cpython-3.11"
        python_implementation = "cpython@3.11.11"
        requirements = ["numpy", "dlltool; sys_platform == 'win32'"]

        [[frameworks]]
        name = "sci"
        runtime = "cpython-3.11"
        requirements = ["scipy"]

        [[frameworks]]
        name = "web"
        runtime = "cpython-3.11"
        requirements = ["httpx"]

        [[applications]]
        name = "tool"
        frameworks = ["sci", "web"]
        requirements = ["scipy", "httpx", "fastmath"]
        launch_module = "tool.py"

        [[tool.uv.index]]
        name = "local"
        url = "{{_server.SimpleUri}}"
        default = true
        """;

    public Task InitializeAsync()
    {
        _files.Touch("tool.py", "print('ok')\n");
        var day = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var version in new[] { "2.3.1", "2.3.2" })
        {
            AddEverywhere("numpy", version, day);
        }

        AddEverywhere("scipy", "1.16.1", day, "numpy>=2");
        foreach (var tag in new[] { "cp311-cp311-win_amd64", "cp311-cp311-win_arm64" })
        {
            _server.Add(new WheelBuilder("dlltool", "1.0").WithTag(tag).Build(), day);
        }

        _server.Add(new WheelBuilder("httpx", "0.28.1").WithRequiresDist("h11>=0.15", "anyio").Build(), day);
        _server.Add(new WheelBuilder("h11", "0.16.0").Build(), day);
        _server.Add(new WheelBuilder("anyio", "4.9.0").WithRequiresDist("sniffio>=1.1").Build(), day);
        _server.Add(new WheelBuilder("sniffio", "1.3.1").Build(), day);

        // fastmath 1.1 dropped its Windows wheels: Windows keeps 1.0.
        AddEverywhere("fastmath", "1.0", day);
        foreach (var tag in AllPlatformTags.Where(t => !t.Contains("win", StringComparison.Ordinal)))
        {
            _server.Add(new WheelBuilder("fastmath", "1.1").WithTag(tag).Build(), day);
        }

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

    private void AddEverywhere(string name, string version, DateTimeOffset uploaded, params string[] requires)
    {
        foreach (var tag in AllPlatformTags)
        {
            _server.Add(new WheelBuilder(name, version).WithTag(tag).WithRequiresDist(requires).Build(), uploaded);
        }
    }

    private async Task<(LockRunResult Result, StackSpec Spec)> Lock(string toml, LockOptions? options = null)
    {
        var load = _files.Load(toml);
        var spec = load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));
        using var resolver = new IndexPlatformResolver(spec, LockEnvironment.Default with { CacheDirectory = _cache, EnvironmentVariables = ImmutableDictionary<string, string>.Empty });
        var result = await new LockEngine(resolver).LockAsync(spec, options ?? LockOptions.Default, null, CancellationToken.None);
        return (result, spec);
    }

    private static PyLock ReadLock(StackSpec spec, string layer) =>
        PyLock.Parse(File.ReadAllText(LayerLockFiles.For(spec, spec.GetLayer(layer)).PyLockPath));

    [Fact]
    public async Task A_three_layer_stack_locks_for_six_platforms_from_the_local_index()
    {
        var (result, spec) = await Lock(Stack);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        LockStateReader.Read(spec).Values.ShouldAllBe(s => s.HasValidLock);
        var runtime = ReadLock(spec, "cpython-3.11");
        var numpy = runtime.Packages.Single(p => p.Name == "numpy");
        numpy.Version.ShouldBe("2.3.2");
        numpy.Marker.ShouldBeNull();
        numpy.Index.ShouldBe(_server.SimpleUri.AbsoluteUri.TrimEnd('/'));
        numpy.Wheels!.Count.ShouldBe(6);
        numpy.Wheels.ShouldAllBe(w => w.Hashes["sha256"].Length == 64 && w.Size > 0 && w.UploadTime != null);
        runtime.Packages.Single(p => p.Name == "dlltool").Marker.ShouldBe("sys_platform == 'win32'");
        ReadLock(spec, "framework-web").Packages.Select(p => p.Name).ShouldBe(["anyio", "h11", "httpx", "sniffio"]);
    }

    [Fact]
    public async Task Platform_specific_wheels_give_platform_markers()
    {
        var (_, spec) = await Lock(Stack);

        var fastmath = ReadLock(spec, "app-tool").Packages.Where(p => p.Name == "fastmath").ToList();
        fastmath.Select(p => (p.Version, p.Marker)).ShouldBe([("1.0", "sys_platform == 'win32'"), ("1.1", "sys_platform == 'linux' or sys_platform == 'darwin'")]);
    }

    [Fact]
    public async Task Lower_layer_packages_are_marked_shared_in_upper_layers()
    {
        var (_, spec) = await Lock(Stack);

        var tool = ReadLock(spec, "app-tool");
        tool.Packages.Where(p => p.IsFromLowerLayer).Select(p => p.Name).ShouldBe(["anyio", "h11", "httpx", "numpy", "scipy", "sniffio"]);
        tool.Packages.Where(p => p.IsFromLowerLayer).ShouldAllBe(p => p.Wheels == null && p.Index == null);
    }

    [Fact]
    public async Task A_package_without_wheels_for_one_platform_fails_naming_the_platform()
    {
        _server.Add(new WheelBuilder("gpukit", "2.0").WithTag("cp311-cp311-manylinux_2_17_x86_64").Build());
        _server.Add(new WheelBuilder("gpukit", "2.0").WithTag("cp311-cp311-win_amd64").Build());
        _server.Add(new WheelBuilder("gpukit", "2.0").WithTag("cp311-cp311-macosx_11_0_arm64").Build());
        _server.Add(new WheelBuilder("gpukit", "2.0").WithTag("cp311-cp311-macosx_10_9_x86_64").Build());
        _server.Add(new WheelBuilder("gpukit", "2.0").WithTag("cp311-cp311-win_arm64").Build());

        var (result, _) = await Lock(Stack.Replace("requirements = [\"scipy\"]", "requirements = [\"scipy\", \"gpukit\"]", StringComparison.Ordinal));

        var error = result.Diagnostics.First();
        error.Code.ShouldBe("VSTK2003");
        error.Message.ShouldContain("gpukit: no wheels available for ['linux_aarch64']");
        error.Message.ShouldContain("Set platforms to ['linux_x86_64', 'macosx_arm64', 'macosx_x86_64', 'win_amd64', 'win_arm64']");
    }

    [Fact]
    public async Task Relocking_after_adding_one_requirement_changes_no_other_pin()
    {
        var (_, spec) = await Lock(Stack);
        var before = spec.Layers.ToDictionary(l => l.BuildName, l => ReadLock(spec, l.BuildName));
        AddEverywhere("numpy", "2.4.0", DateTimeOffset.UtcNow);
        _server.Add(new WheelBuilder("httpx", "0.29.0").WithRequiresDist("h11>=0.15", "anyio").Build());
        _server.Add(new WheelBuilder("click", "8.2.1").Build());

        var (result, relocked) = await Lock(Stack.Replace("\"fastmath\"]", "\"fastmath\", \"click\"]", StringComparison.Ordinal));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Where(l => l.BuildName != "app-tool").ShouldAllBe(l => l.Action == LayerLockAction.UpToDate);
        var after = ReadLock(relocked, "app-tool");
        after.Packages.Where(p => p.Name != "click").Select(p => (p.Name, p.Version, p.Marker))
            .ShouldBe(before["app-tool"].Packages.Select(p => (p.Name, p.Version, p.Marker)));
        after.Packages.Single(p => p.Name == "click").Version.ShouldBe("8.2.1");
    }

    [Fact]
    public async Task Locked_mode_with_a_stale_lock_fails_with_a_code_and_touches_no_network()
    {
        await Lock(Stack);
        _server.ClearRequests();

        var (result, _) = await Lock(Stack.Replace("requirements = [\"httpx\"]", "requirements = [\"httpx\", \"h11\"]", StringComparison.Ordinal), LockOptions.Default with { Mode = LockMode.Locked });

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK2001", "VSTK2004"]);
        result.Diagnostics.First().Message.ShouldContain("framework-web");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Index_credentials_are_used_but_never_written_into_lock_files()
    {
        await using var secured = LocalIndexServer.Start(new LocalIndexServerOptions { RequiredCredentials = new BasicCredential("builder", "s3cr3t-t0ken") });
        secured.Add(new WheelBuilder("numpy", "2.3.2").Build());
        var url = secured.SimpleUri.AbsoluteUri.Replace("http://", "http://builder:s3cr3t-t0ken@", StringComparison.Ordinal);

        var (result, spec) = await Lock($$"""
            [[runtimes]]
            name = "cpython-3.11"
            python_implementation = "cpython@3.11.11"
            requirements = ["numpy"]

            [[tool.uv.index]]
            name = "private"
            url = "{{url}}"
            default = true
            """);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        secured.Requests.ShouldContain(r => r.BasicCredentials != null);
        foreach (var file in Directory.EnumerateFiles(spec.RequirementsDirectory, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain("s3cr3t-t0ken", customMessage: file);
            text.ShouldNotContain("builder@", customMessage: file);
        }

        ReadLock(spec, "cpython-3.11").Packages.Single().Index.ShouldBe(secured.SimpleUri.AbsoluteUri.TrimEnd('/'));
    }
}
