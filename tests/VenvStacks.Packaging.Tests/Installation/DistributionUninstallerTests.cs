using VenvStacks.Packaging.Installation;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

public class DistributionUninstallerTests
{
    private const string Site = "lib/python3.11/site-packages";

    [Fact]
    public async Task Removes_every_recorded_file_its_bytecode_and_the_folders_left_empty()
    {
        using var target = new InstallTarget();
        var keep = new WheelBuilder("keep", "1.0").WithModule("shared_ns/keep.py", "").WithModule("keep-1.0.data/data/share/common/keep.txt", "").Build();
        var drop = new WheelBuilder("drop", "1.0")
            .WithModule("drop/__init__.py", "")
            .WithModule("drop/sub/deep.py", "")
            .WithModule("shared_ns/drop.py", "")
            .WithModule("drop-1.0.data/scripts/drop-tool", "#!python\n")
            .WithModule("drop-1.0.data/headers/drop.h", "")
            .WithModule("drop-1.0.data/data/share/common/drop.txt", "")
            .Build();
        await target.InstallAsync(keep.WriteTo(target.Wheels));
        var installed = (await target.InstallAsync(drop.WriteTo(target.Wheels))).Distribution;
        // Bytecode the interpreter wrote later, and a stray file of another origin in a shared folder.
        Directory.CreateDirectory(target.InEnv($"{Site}/drop/__pycache__"));
        File.WriteAllText(target.InEnv($"{Site}/drop/__pycache__/__init__.cpython-311.pyc"), "");
        File.WriteAllText(target.InEnv($"{Site}/drop/__pycache__/__init__.cpython-311.opt-1.pyc"), "");
        Directory.CreateDirectory(target.InEnv($"{Site}/shared_ns/__pycache__"));
        File.WriteAllText(target.InEnv($"{Site}/shared_ns/__pycache__/drop.cpython-311.pyc"), "");
        File.WriteAllText(target.InEnv($"{Site}/shared_ns/__pycache__/keep.cpython-311.pyc"), "");

        var dropped = target.Contents().Where(p => p.Contains("drop", StringComparison.Ordinal) && File.Exists(target.InEnv(p))).ToList();

        var result = await DistributionUninstaller.UninstallAsync(installed, target.Scheme, target.Root);

        var left = target.Contents();
        left.ShouldNotContain(p => p.Contains("drop", StringComparison.Ordinal) && !p.EndsWith("keep.cpython-311.pyc", StringComparison.Ordinal));
        left.ShouldContain($"{Site}/shared_ns/keep.py");
        left.ShouldContain($"{Site}/shared_ns/__pycache__/keep.cpython-311.pyc");
        left.ShouldContain("share/common/keep.txt");
        left.ShouldContain($"{Site}/keep-1.0.dist-info/RECORD");
        left.ShouldContain("bin");
        left.ShouldContain("include/site/python3.11");
        left.ShouldNotContain("include/site/python3.11/drop");
        result.RemovedFiles.Select(f => Path.GetRelativePath(target.Root, f).Replace('\\', '/')).ShouldBe(dropped, ignoreOrder: true);
        dropped.Count.ShouldBe(13); // 6 files, 4 in the .dist-info, 3 compiled
        result.RemovedDirectories.ShouldBe(4); // drop/sub, drop/__pycache__, drop, include/site/python3.11/drop
    }

    [Fact]
    public async Task A_RECORD_path_outside_the_environment_is_refused_and_nothing_is_deleted()
    {
        using var target = new InstallTarget();
        var installed = (await target.InstallAsync(new WheelBuilder("victim", "1.0").WithModule("victim.py", "").Build().WriteTo(target.Wheels))).Distribution;
        var outside = Path.Combine(Path.GetDirectoryName(target.Root)!, "outside.txt");
        File.WriteAllText(outside, "precious");
        File.AppendAllText(installed.RecordPath, "../../../../outside.txt,,\n");
        var before = target.Contents();

        var error = await Should.ThrowAsync<InstallationException>(() => DistributionUninstaller.UninstallAsync(installed, target.Scheme, target.Root));

        error.Kind.ShouldBe(InstallationErrorKind.RecordPathOutsideEnvironment);
        error.Entry.ShouldBe("../../../../outside.txt");
        error.Subject.ShouldBe("victim-1.0.dist-info");
        File.Exists(outside).ShouldBeTrue();
        target.Contents().ShouldBe(before);
    }

    [Fact]
    public async Task An_absolute_RECORD_path_outside_the_environment_is_refused()
    {
        using var target = new InstallTarget();
        var installed = (await target.InstallAsync(new WheelBuilder("victim", "1.0").WithModule("victim.py", "").Build().WriteTo(target.Wheels))).Distribution;
        File.AppendAllText(installed.RecordPath, Path.Combine(target.Wheels, "x").Replace('\\', '/') + ",,\n");

        (await Should.ThrowAsync<InstallationException>(() => DistributionUninstaller.UninstallAsync(installed, target.Scheme, target.Root)))
            .Kind.ShouldBe(InstallationErrorKind.RecordPathOutsideEnvironment);
    }

    [Fact]
    public async Task A_distribution_without_RECORD_cannot_be_uninstalled()
    {
        using var target = new InstallTarget();
        var installed = (await target.InstallAsync(new WheelBuilder("norecord", "1.0").WithModule("norecord.py", "").Build().WriteTo(target.Wheels))).Distribution;
        File.Delete(installed.RecordPath);

        (await Should.ThrowAsync<InstallationException>(() => DistributionUninstaller.UninstallAsync(installed, target.Scheme, target.Root)))
            .Kind.ShouldBe(InstallationErrorKind.InstalledRecordInvalid);
        File.Exists(target.InEnv($"{Site}/norecord.py")).ShouldBeTrue();
    }

    [Fact]
    public async Task Files_already_gone_are_skipped()
    {
        using var target = new InstallTarget();
        var installed = (await target.InstallAsync(new WheelBuilder("partial", "1.0").WithModule("partial/a.py", "").WithModule("partial/b.py", "").Build().WriteTo(target.Wheels))).Distribution;
        File.Delete(target.InEnv($"{Site}/partial/a.py"));

        await DistributionUninstaller.UninstallAsync(installed, target.Scheme, target.Root);

        target.Contents().ShouldBe(["lib", "lib/python3.11", Site]);
    }
}
