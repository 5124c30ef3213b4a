using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.Wheels;
using VenvStacks.TestSupport.Wheels;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.Installation;

public class WheelInstallerTests
{
    private const string Site = "lib/python3.11/site-packages";
    private const UnixFileMode AllExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Installs_the_root_into_site_packages_and_writes_pips_RECORD()
    {
        using var target = new InstallTarget();
        var wheel = new WheelBuilder("Demo.Lib", "1.0")
            .WithModule("demo_lib/__init__.py", "VALUE = 1\n")
            .WithModule("demo_lib/sub/data,1.txt", "comma in the name\n")
            .Build();

        var result = await target.InstallAsync(wheel.WriteTo(target.Wheels), TargetOptions(requested: true));

        target.Contents().Where(p => p.StartsWith(Site + "/", StringComparison.Ordinal) && !Directory.Exists(target.InEnv(p)))
            .ShouldBe(new[]
            {
                "demo_lib-1.0.dist-info/INSTALLER", "demo_lib-1.0.dist-info/METADATA", "demo_lib-1.0.dist-info/RECORD",
                "demo_lib-1.0.dist-info/REQUESTED", "demo_lib-1.0.dist-info/WHEEL", "demo_lib/__init__.py", "demo_lib/sub/data,1.txt",
            }.Select(p => $"{Site}/{p}"));
        File.ReadAllText(target.InEnv($"{Site}/demo_lib/__init__.py")).ShouldBe("VALUE = 1\n");
        File.ReadAllText(target.InEnv($"{Site}/demo_lib-1.0.dist-info/INSTALLER")).ShouldBe("venvstacks-sdk\n");
        File.ReadAllBytes(target.InEnv($"{Site}/demo_lib-1.0.dist-info/REQUESTED")).ShouldBeEmpty();

        var record = File.ReadAllText(target.InEnv($"{Site}/demo_lib-1.0.dist-info/RECORD"));
        record.ShouldBe(
            Row("demo_lib-1.0.dist-info/INSTALLER", "venvstacks-sdk\n")
            + Row("demo_lib-1.0.dist-info/METADATA", new WheelBuilder("Demo.Lib", "1.0").MetadataText)
            + "demo_lib-1.0.dist-info/RECORD,,\n"
            + Row("demo_lib-1.0.dist-info/REQUESTED", string.Empty)
            + Row("demo_lib-1.0.dist-info/WHEEL", new WheelBuilder("Demo.Lib", "1.0").WheelText)
            + Row("demo_lib/__init__.py", "VALUE = 1\n")
            + Row("\"demo_lib/sub/data,1.txt\"", "comma in the name\n"));

        result.Distribution.Name.ShouldBe("Demo.Lib");
        result.Distribution.Version.ShouldBe("1.0");
        result.Distribution.DistInfoDirectory.ShouldBe(target.InEnv($"{Site}/demo_lib-1.0.dist-info"));
        result.Files.Count.ShouldBe(7);
        result.BytesWritten.ShouldBe(result.Files.Sum(f => new FileInfo(f).Length));
        (await result.Distribution.IsIntactAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Maps_every_data_folder_to_its_scheme_path_and_records_paths_relative_to_site_packages()
    {
        using var target = new InstallTarget();
        var wheel = new WheelBuilder("demo", "2.0")
            .WithModule("demo.py", "")
            .WithModule("demo-2.0.data/scripts/demo-tool", "#!/bin/sh\necho hi\n")
            .WithModule("demo-2.0.data/headers/demo.h", "int demo;\n")
            .WithModule("demo-2.0.data/data/share/demo/readme.txt", "data\n")
            .WithModule("demo-2.0.data/purelib/demo_pure.py", "")
            .WithModule("demo-2.0.data/platlib/demo_plat.py", "")
            .Build();

        await target.InstallAsync(wheel.WriteTo(target.Wheels));

        File.Exists(target.InEnv("bin/demo-tool")).ShouldBeTrue();
        File.Exists(target.InEnv("include/site/python3.11/demo/demo.h")).ShouldBeTrue();
        File.Exists(target.InEnv("share/demo/readme.txt")).ShouldBeTrue();
        File.Exists(target.InEnv($"{Site}/demo_pure.py")).ShouldBeTrue();
        File.Exists(target.InEnv($"{Site}/demo_plat.py")).ShouldBeTrue();
        Directory.Exists(target.InEnv($"{Site}/demo-2.0.data")).ShouldBeFalse();

        var paths = RecordPaths(target.InEnv($"{Site}/demo-2.0.dist-info/RECORD"));
        paths.ShouldContain("../../../bin/demo-tool");
        paths.ShouldContain("../../../include/site/python3.11/demo/demo.h");
        paths.ShouldContain("../../../share/demo/readme.txt");
        paths.ShouldContain("demo_pure.py");
        paths.ShouldContain("demo_plat.py");
        paths.ShouldBe(paths.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_wheel_whose_root_is_not_purelib_goes_to_platlib()
    {
        using var target = new InstallTarget();
        target.Scheme = target.Scheme with { Platlib = target.InEnv("lib64/python3.11/site-packages") };
        var wheel = new WheelBuilder("native", "1.0")
            .WithTag("cp311-cp311-manylinux_2_17_x86_64")
            .WithFile("native/_speedups.cpython-311-x86_64-linux-gnu.so", [0x7F, (byte)'E', (byte)'L', (byte)'F'])
            .WithModule("native-1.0.data/purelib/native_helpers.py", "")
            .Build();

        var result = await target.InstallAsync(wheel.WriteTo(target.Wheels));

        result.Distribution.DistInfoDirectory.ShouldBe(target.InEnv("lib64/python3.11/site-packages/native-1.0.dist-info"));
        File.Exists(target.InEnv("lib64/python3.11/site-packages/native/_speedups.cpython-311-x86_64-linux-gnu.so")).ShouldBeTrue();
        File.Exists(target.InEnv($"{Site}/native_helpers.py")).ShouldBeTrue();
        RecordPaths(Path.Combine(result.Distribution.DistInfoDirectory, "RECORD"))
            .ShouldContain("../../../lib/python3.11/site-packages/native_helpers.py");
    }

    [Fact]
    public async Task A_Windows_layout_records_scripts_relative_to_Lib_site_packages()
    {
        using var target = new InstallTarget(TargetOperatingSystem.Windows);
        var wheel = new WheelBuilder("demo", "1.0").WithModule("demo-1.0.data/scripts/demo.cmd", "@echo off\r\n").Build();

        await target.InstallAsync(wheel.WriteTo(target.Wheels));

        target.Scheme.Purelib.ShouldBe(target.InEnv("Lib/site-packages"));
        File.Exists(target.InEnv("Scripts/demo.cmd")).ShouldBeTrue();
        RecordPaths(target.InEnv("Lib/site-packages/demo-1.0.dist-info/RECORD")).ShouldContain("../../Scripts/demo.cmd");
    }

    [PosixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Keeps_execute_bits_from_the_archive_and_makes_scripts_executable()
    {
        using var target = new InstallTarget();
        var wheel = new WheelBuilder("modes", "1.0")
            .WithModule("modes/tool.sh", "#!/bin/sh\n")
            .WithModule("modes/plain.txt", "")
            .WithModule("modes-1.0.data/scripts/run", "#!/bin/sh\n")
            .Build();
        var path = WheelEditor.Write(wheel, target.Wheels, entries => entries.Replace("modes/tool.sh", e => e with { Mode = WheelEditor.Executable }));

        await target.InstallAsync(path);

        ExecuteBits(target.InEnv($"{Site}/modes/tool.sh")).ShouldBe(AllExecute);
        ExecuteBits(target.InEnv("bin/run")).ShouldBe(AllExecute);
        ExecuteBits(target.InEnv($"{Site}/modes/plain.txt")).ShouldBe(UnixFileMode.None);
    }

    [Fact]
    public async Task Rewrites_python_shebangs_of_scripts_and_records_the_new_hash()
    {
        using var target = new InstallTarget();
        var longLine = "#!python " + new string('x', 200_000) + "\nprint('long')\n";
        var wheel = new WheelBuilder("scripts", "1.0")
            .WithModule("scripts-1.0.data/scripts/console", "#!python\r\nprint('console')\n")
            .WithModule("scripts-1.0.data/scripts/gui", "#!pythonw -E\nprint('gui')\n")
            .WithModule("scripts-1.0.data/scripts/shell", "#!/bin/sh\necho python\n")
            .WithModule("scripts-1.0.data/scripts/only-line", "#!python")
            .WithModule("scripts-1.0.data/scripts/long", longLine)
            .WithModule("scripts-1.0.data/scripts/short", "#!py")
            .WithModule("scripts/not_a_script.py", "#!python\n")
            .Build();
        var options = InstallTarget.Options with { ScriptShebang = "#!/opt/env/bin/python", GuiScriptShebang = "#!/opt/env/bin/pythonw" };

        await target.InstallAsync(wheel.WriteTo(target.Wheels), options);

        File.ReadAllText(target.InEnv("bin/console")).ShouldBe("#!/opt/env/bin/python\nprint('console')\n");
        File.ReadAllText(target.InEnv("bin/gui")).ShouldBe("#!/opt/env/bin/pythonw\nprint('gui')\n");
        File.ReadAllText(target.InEnv("bin/shell")).ShouldBe("#!/bin/sh\necho python\n");
        File.ReadAllText(target.InEnv("bin/only-line")).ShouldBe("#!/opt/env/bin/python\n");
        File.ReadAllText(target.InEnv("bin/long")).ShouldBe("#!/opt/env/bin/python\nprint('long')\n");
        File.ReadAllText(target.InEnv("bin/short")).ShouldBe("#!py");
        File.ReadAllText(target.InEnv($"{Site}/scripts/not_a_script.py")).ShouldBe("#!python\n");

        var record = RecordFile.Parse(File.ReadAllText(target.InEnv($"{Site}/scripts-1.0.dist-info/RECORD")));
        foreach (var script in new[] { "console", "gui", "shell", "only-line", "long", "short" })
        {
            var row = record.Find("../../../bin/" + script).ShouldNotBeNull();
            row.Verify(File.ReadAllBytes(target.InEnv("bin/" + script))).IsValid.ShouldBeTrue(script);
        }
    }

    [Fact]
    public async Task Reinstalling_over_an_installation_replaces_its_files()
    {
        using var target = new InstallTarget();
        var path = new WheelBuilder("again", "1.0").WithModule("again.py", "X = 1\n").Build().WriteTo(target.Wheels);
        await target.InstallAsync(path);
        File.WriteAllText(target.InEnv($"{Site}/again.py"), "changed");

        var result = await target.InstallAsync(path);

        File.ReadAllText(target.InEnv($"{Site}/again.py")).ShouldBe("X = 1\n");
        (await result.Distribution.IsIntactAsync()).ShouldBeTrue();
        target.Contents().ShouldNotContain(p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepts_the_wheels_sha256_and_a_file_name_for_a_content_addressed_path()
    {
        using var target = new InstallTarget();
        var wheel = new WheelBuilder("cached", "1.0").WithModule("cached.py", "").Build();
        var path = Path.Combine(target.Wheels, wheel.Sha256);
        File.WriteAllBytes(path, wheel.Content);

        var result = await target.InstallAsync(path, InstallTarget.Options with { FileName = wheel.FileName, ExpectedSha256 = wheel.Sha256.ToUpperInvariant() });

        result.Distribution.Name.ShouldBe("cached");
    }

    [Fact]
    public async Task A_newer_minor_wheel_version_installs_with_a_warning()
    {
        using var target = new InstallTarget();
        var wheel = new WheelBuilder("future", "1.0").WithModule("future.py", "").Build();
        var path = WheelEditor.Write(wheel, target.Wheels, entries => ForgeWheelVersion(entries, "1.9"));

        var result = await target.InstallAsync(path);

        result.Warnings.ShouldHaveSingleItem().ShouldContain("Wheel-Version 1.9");
    }

    [Fact]
    public async Task A_canceled_installation_writes_nothing()
    {
        using var target = new InstallTarget();
        var path = new WheelBuilder("canceled", "1.0").WithModule("canceled.py", "").Build().WriteTo(target.Wheels);

        await Should.ThrowAsync<OperationCanceledException>(
            () => WheelInstaller.InstallAsync(path, target.Scheme, InstallTarget.Options, new CancellationToken(canceled: true)));

        target.Contents().ShouldBeEmpty();
    }

    [Fact]
    public void The_scheme_of_a_POSIX_virtual_environment_is_pips()
    {
        var scheme = InstallScheme.ForVirtualEnvironment("/envs/app", TargetOperatingSystem.MacOS, 3, 12);

        scheme.Purelib.ShouldBe(Path.GetFullPath("/envs/app/lib/python3.12/site-packages"));
        scheme.Platlib.ShouldBe(scheme.Purelib);
        scheme.Scripts.ShouldBe(Path.GetFullPath("/envs/app/bin"));
        scheme.Headers.ShouldBe(Path.GetFullPath("/envs/app/include/site/python3.12"));
        scheme.Data.ShouldBe(Path.GetFullPath("/envs/app"));
        scheme.SiteDirectories.ShouldBe([scheme.Purelib]);
    }

    internal static void ForgeWheelVersion(List<EditableEntry> entries, string version)
    {
        var wheelText = string.Empty;
        entries.Replace(".dist-info/WHEEL", e =>
        {
            wheelText = e.Text.Replace("Wheel-Version: 1.0", "Wheel-Version: " + version, StringComparison.Ordinal);
            return e with { Content = Encoding.UTF8.GetBytes(wheelText) };
        });
        entries.EditRecord(record => string.Join('\n', record.Split('\n').Select(line =>
            line.Contains(".dist-info/WHEEL,", StringComparison.Ordinal)
                ? line[..line.IndexOf(',', StringComparison.Ordinal)] + "," + RecordEntry.ForContent("x", Encoding.UTF8.GetBytes(wheelText)).Hash + "," + Encoding.UTF8.GetByteCount(wheelText)
                : line)));
    }

    private static WheelInstallOptions TargetOptions(bool requested) => InstallTarget.Options with { Requested = requested };

    private static string Row(string path, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var digest = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{path},sha256={digest},{bytes.Length}\n";
    }

    private static List<string> RecordPaths(string recordFile) =>
        RecordFile.Parse(File.ReadAllText(recordFile)).Entries.Select(e => e.Path).ToList();

    [UnsupportedOSPlatform("windows")]
    private static UnixFileMode ExecuteBits(string path) => File.GetUnixFileMode(path) & AllExecute;
}
