using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Installing;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.Platforms;
using VenvStacks.TestSupport.Wheels;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Installing;

/// <summary>Selection follows the layer's target platform, never the machine running the tests.</summary>
public sealed class LockedWheelSelectorTests : IAsyncLifetime
{
    private readonly LayerFixture _layer = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _layer.DisposeAsync().AsTask();

    [Theory]
    [InlineData("linux_x86_64", "native-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "linux-only")]
    [InlineData("linux_aarch64", "native-1.0-cp311-cp311-manylinux_2_28_aarch64.whl", "linux-only")]
    [InlineData("win_amd64", "native-1.0-cp311-cp311-win_amd64.whl", "windows-only")]
    [InlineData("macosx_arm64", "native-1.0-cp311-abi3-macosx_11_0_arm64.whl", null)]
    [InlineData("macosx_x86_64", "native-1.0-py3-none-any.whl", null)]
    public void Chooses_the_entries_and_the_wheel_of_the_target_platform(string platformName, string nativeWheel, string? platformOnly)
    {
        var lockFile = _layer.WriteLock(
            _layer.Package("native", "1.0", null,
                Wheel("native", "1.0", "py3-none-any"),
                Wheel("native", "1.0", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64"),
                Wheel("native", "1.0", "cp311-cp311-manylinux_2_28_aarch64"),
                Wheel("native", "1.0", "cp311-cp311-manylinux_2_34_x86_64"),
                Wheel("native", "1.0", "cp311-abi3-macosx_11_0_arm64"),
                Wheel("native", "1.0", "cp311-cp311-macosx_14_0_x86_64"),
                Wheel("native", "1.0", "cp311-cp311-win_amd64")),
            _layer.Package("linux-only", "2.0", "sys_platform == 'linux'", Wheel("linux-only", "2.0", "py3-none-any")),
            _layer.Package("windows-only", "3.0", "sys_platform == 'win32'", Wheel("windows-only", "3.0", "py3-none-any")),
            _layer.Package("shared", "4.0", "sys_platform == 'from_lower_layer'"),
            _layer.Package("shared-linux", "4.0", "(sys_platform == 'linux') and sys_platform == 'from_lower_layer'"));
        var diagnostics = new DiagnosticBag();

        var selected = LockedWheelSelector.Select(_layer.Request(lockFile, TargetPlatform.Parse(platformName)), diagnostics);

        diagnostics.ToImmutable().ShouldBeEmpty();
        selected.Select(s => s.FileName).First().ShouldBe(nativeWheel);
        selected.Skip(1).Select(s => s.Name).ShouldBe(platformOnly is null ? [] : [platformOnly]);
    }

    [Fact]
    public void A_lock_entry_per_platform_selects_the_one_whose_marker_holds()
    {
        var lockFile = _layer.WriteLock(
            _layer.Package("split", "1.1", "sys_platform != 'win32'", Wheel("split", "1.1", "py3-none-any")),
            _layer.Package("split", "1.0", "sys_platform == 'win32'", Wheel("split", "1.0", "py3-none-any")));

        Select(lockFile, TargetPlatform.WinArm64).ShouldHaveSingleItem().Version.ToString().ShouldBe("1.0");
        Select(lockFile, TargetPlatform.MacOSArm64).ShouldHaveSingleItem().Version.ToString().ShouldBe("1.1");
    }

    [Fact]
    public void The_higher_build_tag_wins_among_equally_ranked_wheels()
    {
        var lockFile = _layer.WriteLock(_layer.Package("built", "1.0", null,
            Wheel("built", "1.0", "py3-none-any", build: "1"),
            Wheel("built", "1.0", "py3-none-any", build: "2")));

        Select(lockFile, TargetPlatform.LinuxX64).ShouldHaveSingleItem().FileName.ShouldBe("built-1.0-2-py3-none-any.whl");
    }

    [Fact]
    public void Local_wheel_paths_are_relative_to_the_lock_folder()
    {
        var wheel = new WheelBuilder("local", "1.0").Build();
        var lockFile = _layer.WriteLock(_layer.Package("local", "1.0", null, _layer.Local(wheel)));

        var selected = Select(lockFile, TargetPlatform.LinuxX64).ShouldHaveSingleItem();

        selected.File.LocalPath.ShouldBe(Path.Combine(_layer.LockFolder, "wheels", wheel.FileName));
        selected.Sha256.ShouldBe(wheel.Sha256);
    }

    [Fact]
    public void Unusable_entries_are_reported_with_their_codes()
    {
        var noHash = Wheel("nohash", "1.0", "py3-none-any") with { Hashes = new Dictionary<string, string> { ["sha512"] = new string('0', 128) } };
        var lockFile = _layer.WriteLock(
            _layer.Package("windows-binary", "1.0", null, Wheel("windows-binary", "1.0", "cp311-cp311-win_amd64")),
            _layer.Package("too-new", "1.0", null, Wheel("too-new", "1.0", "cp311-cp311-manylinux_2_34_x86_64")),
            _layer.Package("sdist-only", "1.0", null),
            _layer.Package("nohash", "1.0", null, noHash),
            _layer.Package("other-project", "1.0", null, Wheel("impostor", "1.0", "py3-none-any")),
            _layer.Package("twice", "1.0", "os_name == 'posix'", Wheel("twice", "1.0", "py3-none-any")),
            _layer.Package("twice", "1.1", "sys_platform == 'linux'", Wheel("twice", "1.1", "py3-none-any")),
            _layer.Package("kernel", "1.0", "platform_release >= '6'", Wheel("kernel", "1.0", "py3-none-any")));
        var diagnostics = new DiagnosticBag();

        var selected = LockedWheelSelector.Select(_layer.Request(lockFile, TargetPlatform.LinuxX64), diagnostics);

        selected.Select(s => s.Name).ShouldBe(["twice"]);
        var reported = diagnostics.ToImmutable();
        reported.Select(d => d.Code).ShouldBe(["VSTK3036", "VSTK3036", "VSTK3037", "VSTK3038", "VSTK3037", "VSTK3037", "VSTK3039"]);
        string[] culprits = ["windows-binary", "too-new", "sdist-only", "nohash", "impostor", "twice", "kernel"];
        culprits.Zip(reported).ShouldAllBe(pair => pair.Second.Message.Contains(pair.First, StringComparison.Ordinal));
        diagnostics.ToImmutable().ShouldAllBe(d => d.IsError && d.Location!.File == _layer.LockPath && d.Message.StartsWith("Layer app-demo: ", StringComparison.Ordinal));
    }

    private IReadOnlyList<SelectedWheel> Select(PyLock lockFile, TargetPlatform platform)
    {
        var diagnostics = new DiagnosticBag();
        var selected = LockedWheelSelector.Select(_layer.Request(lockFile, platform), diagnostics);
        diagnostics.ToImmutable().ShouldBeEmpty();
        return selected;
    }

    private PyLockWheel Wheel(string name, string version, string tag, string? build = null)
    {
        var builder = new WheelBuilder(name, version).WithTag(tag);
        return _layer.Serve(build is null ? builder.Build() : builder.WithBuildTag(build).Build());
    }
}
