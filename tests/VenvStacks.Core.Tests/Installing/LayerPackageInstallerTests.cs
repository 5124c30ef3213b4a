using VenvStacks.Core.Installing;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Platforms;
using VenvStacks.TestSupport.Wheels;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Installing;

/// <summary>A layer's lock installed into its environment over a real HTTP index on 127.0.0.1.</summary>
[Trait("Category", "Integration")]
public sealed class LayerPackageInstallerTests
{
    private const string Site = "lib/python3.11/site-packages";

    [Fact]
    public async Task Installs_the_locked_wheels_reports_progress_and_keeps_them_on_the_next_run()
    {
        await using var layer = new LayerFixture();
        var lockFile = layer.WriteLock(
            layer.Package("alpha", "1.0", null, layer.Serve(new WheelBuilder("alpha", "1.0").WithModule("alpha/__init__.py", "A = 1\n").WithModule("alpha-1.0.data/scripts/alpha", "#!python\nimport alpha\n").Build())),
            layer.Package("beta", "2.0", "sys_platform == 'linux'", layer.Serve(new WheelBuilder("beta", "2.0").WithModule("beta.py", "").Build())),
            layer.Package("local", "0.1", null, layer.Local(new WheelBuilder("local", "0.1").WithModule("local.py", "").Build())),
            layer.Package("numpy", "2.3.2", "sys_platform == 'from_lower_layer'"));
        var reports = new List<LayerInstallProgress>();

        var first = await layer.InstallAsync(lockFile, r => r with { Progress = reports.Add, Requested = [NormalizedName.From("alpha")] });

        first.Diagnostics.ShouldBeEmpty();
        first.Installed.Select(d => d.Name).ShouldBe(["alpha", "beta", "local"]);
        first.Kept.ShouldBeEmpty();
        first.Removed.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(layer.Environment, "bin", "alpha")).ShouldBe("#!/layers/app-demo/bin/python\nimport alpha\n");
        File.ReadAllText(Path.Combine(layer.Environment, Site, "alpha-1.0.dist-info", "INSTALLER")).ShouldBe("venvstacks-sdk\n");
        File.Exists(Path.Combine(layer.Environment, Site, "alpha-1.0.dist-info", "REQUESTED")).ShouldBeTrue();
        File.Exists(Path.Combine(layer.Environment, Site, "beta-2.0.dist-info", "REQUESTED")).ShouldBeFalse();
        reports.Count.ShouldBe(4);
        reports[0].ShouldBe(reports[0] with { PackagesDone = 0, PackagesTotal = 3, BytesDone = 0, Package = null });
        reports[^1].PackagesDone.ShouldBe(3);
        reports[^1].BytesDone.ShouldBe(reports[^1].BytesTotal);
        first.WheelBytes.ShouldBe(reports[^1].BytesTotal);
        var downloads = layer.Server.Requests.Count;

        var second = await layer.InstallAsync(lockFile);

        second.Diagnostics.ShouldBeEmpty();
        second.Installed.ShouldBeEmpty();
        second.Kept.Select(d => d.Name).ShouldBe(["alpha", "beta", "local"]);
        layer.Server.Requests.Count.ShouldBe(downloads);
    }

    [Fact]
    public async Task Syncs_the_environment_to_a_changed_lock()
    {
        await using var layer = new LayerFixture();
        var keep = layer.Serve(new WheelBuilder("keep", "1.0").WithModule("keep.py", "").Build());
        var old = layer.Serve(new WheelBuilder("upgraded", "1.0").WithModule("upgraded/__init__.py", "V = 1\n").WithModule("upgraded/old_only.py", "").Build());
        var gone = layer.Serve(new WheelBuilder("dropped", "1.0").WithModule("dropped/__init__.py", "").WithModule("dropped-1.0.data/data/share/dropped.txt", "").Build());
        await layer.InstallAsync(layer.WriteLock(layer.Package("keep", "1.0", null, keep), layer.Package("upgraded", "1.0", null, old), layer.Package("dropped", "1.0", null, gone)));
        var newer = layer.Serve(new WheelBuilder("upgraded", "2.0").WithModule("upgraded/__init__.py", "V = 2\n").Build());

        var result = await layer.InstallAsync(layer.WriteLock(layer.Package("keep", "1.0", null, keep), layer.Package("upgraded", "2.0", null, newer)));

        result.Diagnostics.ShouldBeEmpty();
        result.Kept.Select(d => d.Name).ShouldBe(["keep"]);
        result.Removed.Select(d => $"{d.Name}=={d.Version}").ShouldBe(["dropped==1.0", "upgraded==1.0"]);
        result.Installed.Select(d => $"{d.Name}=={d.Version}").ShouldBe(["upgraded==2.0"]);
        layer.EnvironmentFiles().Where(f => !f.Contains(".dist-info/", StringComparison.Ordinal)).ShouldBe([$"{Site}/keep.py", $"{Site}/upgraded/__init__.py"]);
        File.ReadAllText(Path.Combine(layer.Environment, Site, "upgraded", "__init__.py")).ShouldBe("V = 2\n");
        InstalledDistribution.Enumerate(layer.Scheme.Purelib).Select(d => d.DistInfoName).ShouldBe(["keep-1.0.dist-info", "upgraded-2.0.dist-info"]);
    }

    [Fact]
    public async Task A_kept_distribution_that_shared_a_file_with_a_removed_one_is_restored()
    {
        await using var layer = new LayerFixture();
        var keep = layer.Serve(new WheelBuilder("ns-keep", "1.0").WithModule("ns/__init__.py", "").WithModule("ns/keep.py", "").Build());
        var drop = layer.Serve(new WheelBuilder("ns-drop", "1.0").WithModule("ns/__init__.py", "").WithModule("ns/drop.py", "").Build());
        await layer.InstallAsync(layer.WriteLock(layer.Package("ns-keep", "1.0", null, keep), layer.Package("ns-drop", "1.0", null, drop)));

        var result = await layer.InstallAsync(layer.WriteLock(layer.Package("ns-keep", "1.0", null, keep)));

        result.Diagnostics.ShouldBeEmpty();
        result.Removed.Select(d => d.Name).ShouldBe(["ns-drop"]);
        result.Installed.Select(d => d.Name).ShouldBe(["ns-keep"]);
        (await result.Installed[0].IsIntactAsync()).ShouldBeTrue();
        layer.EnvironmentFiles().Where(f => !f.Contains(".dist-info/", StringComparison.Ordinal)).ShouldBe([$"{Site}/ns/__init__.py", $"{Site}/ns/keep.py"]);
    }

    [Fact]
    public async Task A_damaged_installation_is_reinstalled()
    {
        await using var layer = new LayerFixture();
        var lockFile = layer.WriteLock(layer.Package("fragile", "1.0", null, layer.Serve(new WheelBuilder("fragile", "1.0").WithModule("fragile/a.py", "A = 1\n").Build())));
        await layer.InstallAsync(lockFile);
        File.Delete(Path.Combine(layer.Environment, Site, "fragile", "a.py"));

        var result = await layer.InstallAsync(lockFile);

        result.Removed.Select(d => d.Name).ShouldBe(["fragile"]);
        result.Installed.Select(d => d.Name).ShouldBe(["fragile"]);
        File.ReadAllText(Path.Combine(layer.Environment, Site, "fragile", "a.py")).ShouldBe("A = 1\n");
    }

    [Theory]
    [InlineData("linux_x86_64", "native/_linux.so")]
    [InlineData("win_amd64", "native/_windows.pyd")]
    public async Task Installs_the_wheel_of_the_target_platform_whatever_the_host(string platformName, string expectedFile)
    {
        var platform = TargetPlatform.Parse(platformName);
        await using var layer = new LayerFixture(platform);
        var lockFile = layer.WriteLock(layer.Package("native", "1.0", null,
            layer.Serve(new WheelBuilder("native", "1.0").WithTag("cp311-cp311-manylinux_2_17_x86_64").WithFile("native/_linux.so", [1, 2, 3]).Build()),
            layer.Serve(new WheelBuilder("native", "1.0").WithTag("cp311-cp311-win_amd64").WithFile("native/_windows.pyd", [4, 5, 6]).Build())));

        var result = await layer.InstallAsync(lockFile);

        result.Diagnostics.ShouldBeEmpty();
        var site = platform.OperatingSystem == TargetOperatingSystem.Windows ? "Lib/site-packages" : Site;
        layer.EnvironmentFiles().Where(f => !f.Contains(".dist-info/", StringComparison.Ordinal)).ShouldBe([$"{site}/{expectedFile}"]);
    }

    [Fact]
    public async Task A_download_that_differs_from_the_lock_is_refused_and_nothing_changes()
    {
        await using var layer = new LayerFixture();
        var honest = new WheelBuilder("victim", "1.0").WithModule("victim.py", "").Build();
        var entry = layer.Serve(honest);
        layer.Server.Add(new WheelBuilder("victim", "1.0").WithModule("victim.py", "import os\n").Build());

        var result = await layer.InstallAsync(layer.WriteLock(layer.Package("victim", "1.0", null, entry)));

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("VSTK2104");
        layer.EnvironmentFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cached_wheel_changed_after_download_is_caught_by_the_installer()
    {
        await using var layer = new LayerFixture();
        var wheel = new WheelBuilder("cached", "1.0").WithModule("cached.py", "").Build();
        var lockFile = layer.WriteLock(layer.Package("cached", "1.0", null, layer.Serve(wheel)));
        var downloaded = await layer.Client.DownloadAsync(LockedWheelSelector.Select(layer.Request(lockFile), new()).Single().File);
        File.WriteAllBytes(downloaded.Path, new WheelBuilder("cached", "1.0").WithModule("cached.py", "import os\n").Build().Content);

        var result = await layer.InstallAsync(lockFile);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK3021");
        error.Message.ShouldContain(wheel.FileName);
        layer.EnvironmentFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unsafe_wheel_is_reported_with_its_code_and_the_others_install()
    {
        await using var layer = new LayerFixture();
        var lockFile = layer.WriteLock(
            layer.Package("evil", "1.0", null, layer.Serve(new WheelBuilder("evil", "1.0").WithModule("../../../../escape.py", "").Build())),
            layer.Package("good", "1.0", null, layer.Serve(new WheelBuilder("good", "1.0").WithModule("good.py", "").Build())));

        var result = await layer.InstallAsync(lockFile);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK3023");
        error.Message.ShouldStartWith("Layer app-demo: evil-1.0-py3-none-any.whl: '../../../../escape.py'");
        result.Installed.Select(d => d.Name).ShouldBe(["good"]);
    }

    [Fact]
    public async Task A_lock_that_does_not_fit_the_target_changes_nothing()
    {
        await using var layer = new LayerFixture();
        await layer.InstallAsync(layer.WriteLock(layer.Package("present", "1.0", null, layer.Serve(new WheelBuilder("present", "1.0").WithModule("present.py", "").Build()))));
        var before = layer.EnvironmentFiles();

        var result = await layer.InstallAsync(layer.WriteLock(
            layer.Package("windows-only", "1.0", null, layer.Serve(new WheelBuilder("windows-only", "1.0").WithTag("cp311-cp311-win_amd64").Build()))));

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("VSTK3036");
        layer.EnvironmentFiles().ShouldBe(before);
    }

    [Fact]
    public async Task A_stray_distribution_without_RECORD_is_reported()
    {
        await using var layer = new LayerFixture();
        var stray = Path.Combine(layer.Environment, Site, "stray-1.0.dist-info");
        Directory.CreateDirectory(stray);
        File.WriteAllText(Path.Combine(stray, "METADATA"), "Metadata-Version: 2.1\nName: stray\nVersion: 1.0\n");

        var result = await layer.InstallAsync(layer.WriteLock(layer.Package("good", "1.0", null, layer.Serve(new WheelBuilder("good", "1.0").Build()))));

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("VSTK3032");
        result.Installed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_packages_install_in_parallel()
    {
        await using var layer = new LayerFixture();
        var packages = Enumerable.Range(0, 40)
            .Select(i => layer.Package($"pkg{i}", "1.0", null, layer.Serve(new WheelBuilder($"pkg{i}", "1.0")
                .WithModule($"pkg{i}/__init__.py", new string('#', 1000 * i))
                .WithModule("shared_namespace/common.txt", "same\n")
                .Build())))
            .ToArray();

        var result = await layer.InstallAsync(layer.WriteLock(packages), r => r with { MaxParallelism = 8 });

        result.Diagnostics.ShouldBeEmpty();
        result.Installed.Length.ShouldBe(40);
        foreach (var distribution in InstalledDistribution.Enumerate(layer.Scheme.Purelib))
        {
            (await distribution.IsIntactAsync()).ShouldBeTrue(distribution.Name);
        }
    }
}
