using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.Packaging.Wheels;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>Real wheels (the test Python's bundled pip and setuptools) installed by us, then read, used and
/// uninstalled by pip itself; and our RECORD compared with the one pip writes for the same wheel.</summary>
[Trait("Category", "Integration")]
public class PipInteroperabilityTests
{
    [TestPythonFact]
    public async Task Pip_installed_by_us_runs_lists_its_files_and_uninstalls_what_we_installed()
    {
        var python = TestPython.Instance!;
        using var folder = new TestFolder();
        var venv = folder.Combine("venv");
        var venvPython = await python.CreateVenvAsync(venv);
        var scheme = await SchemeOfAsync(venvPython, venv);
        var options = new WheelInstallOptions { InstallerName = "venvstacks-sdk", Requested = true };
        var pip = await WheelInstaller.InstallAsync(python.Wheel("pip"), scheme, options);
        var setuptools = await WheelInstaller.InstallAsync(python.Wheel("setuptools"), scheme, options);

        var (showCode, show) = await TestPython.RunAsync(venvPython, "-m", "pip", "show", "-f", "pip");
        showCode.ShouldBe(0, show);
        show.ShouldContain("Name: pip");
        show.ShouldContain("Version: " + pip.Distribution.Version);
        show.ShouldContain("pip/__init__.py");
        show.ShouldContain("pip-" + pip.Distribution.Version + ".dist-info/INSTALLER");

        var (listCode, list) = await TestPython.RunAsync(venvPython, "-m", "pip", "list", "--format=freeze");
        listCode.ShouldBe(0, list);
        list.ShouldContain("setuptools==" + setuptools.Distribution.Version);

        var siteFiles = Directory.GetFileSystemEntries(scheme.Purelib).Length;
        var (uninstallCode, uninstall) = await TestPython.RunAsync(venvPython, "-m", "pip", "uninstall", "-y", "setuptools");
        uninstallCode.ShouldBe(0, uninstall);
        uninstall.ShouldContain("Successfully uninstalled setuptools-" + setuptools.Distribution.Version);
        foreach (var file in setuptools.Files)
        {
            File.Exists(file).ShouldBeFalse(file);
        }

        Directory.GetFileSystemEntries(scheme.Purelib).Length.ShouldBeLessThan(siteFiles);
        (await pip.Distribution.IsIntactAsync()).ShouldBeTrue();
    }

    [TestPythonFact]
    public async Task Our_RECORD_equals_the_one_pip_writes_apart_from_what_only_pip_generates()
    {
        var python = TestPython.Instance!;
        using var folder = new TestFolder();
        foreach (var project in new[] { "setuptools", "pip" })
        {
            var wheel = python.Wheel(project);
            var ours = folder.Combine(project + "-ours");
            var theirs = folder.Combine(project + "-pip");
            var ourPython = await python.CreateVenvAsync(ours);
            var pipPython = await python.CreateVenvAsync(theirs);
            var scheme = await SchemeOfAsync(ourPython, ours);
            var installed = await WheelInstaller.InstallAsync(wheel, scheme, new WheelInstallOptions { InstallerName = "pip", Requested = true });
            var (code, output) = await TestPython.RunAsync(
                python.Executable, "-m", "pip", "--python", pipPython, "install", "--no-deps", "--no-index", "--no-compile", wheel);
            code.ShouldBe(0, output);

            var pipScheme = await SchemeOfAsync(pipPython, theirs);
            var pipRecord = File.ReadAllText(Path.Combine(pipScheme.Purelib, installed.Distribution.DistInfoName, "RECORD"));
            var ourRecord = File.ReadAllText(installed.Distribution.RecordPath);

            // pip adds direct_url.json (PEP 610) and console-script launchers from entry_points.txt; we do neither.
            // pip ends rows with CRLF (csv's default); we end them with LF as uv, pypa/installer and venvstacks do.
            var pipRows = pipRecord.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Where(row => !row.Contains("direct_url.json", StringComparison.Ordinal) && !row.StartsWith("../../../bin/", StringComparison.Ordinal));
            ourRecord.ShouldBe(string.Join('\n', pipRows), project);
        }
    }

    [TestPythonFact]
    public async Task Real_wheels_uninstall_completely()
    {
        var python = TestPython.Instance!;
        using var target = new InstallTarget(TargetOperatingSystem.Linux);
        var result = await target.InstallAsync(python.Wheel("setuptools"));

        await DistributionUninstaller.UninstallAsync(result.Distribution, target.Scheme, target.Root);

        target.Contents().ShouldBe(["lib", "lib/python3.11", "lib/python3.11/site-packages"]);
    }

    /// <summary>The scheme a venv's own Python reports, so the test does not assume the Python version.</summary>
    private static async Task<InstallScheme> SchemeOfAsync(string venvPython, string venv)
    {
        var (code, output) = await TestPython.RunAsync(venvPython, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])");
        code.ShouldBe(0, output);
        var parts = output.Trim().Split(' ');
        var scheme = InstallScheme.ForVirtualEnvironment(
            venv, OperatingSystem.IsWindows() ? TargetOperatingSystem.Windows : TargetOperatingSystem.Linux, int.Parse(parts[0]), int.Parse(parts[1]));
        Directory.Exists(scheme.Purelib).ShouldBeTrue(scheme.Purelib);
        return scheme;
    }
}
