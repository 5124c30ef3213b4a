using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Runtimes;

public sealed class BundledInstallerRemoverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vstk-bundled-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("linux_x86_64", "bin", "../../../bin")]
    [InlineData("win_amd64", "Scripts", "../../Scripts")]
    public void Pip_setuptools_and_wheel_go_with_their_scripts_compiled_files_and_emptied_folders(string platform, string scripts, string scriptsFromSitePackages)
    {
        var layout = new RuntimeLayout(TargetPlatform.Parse(platform), "3.12");
        var site = Path.Combine(_root, layout.SitePackages);
        Write(layout.Interpreter, "interpreter");
        Distribution(site, "pip", "24.0", ["pip/__init__.py", "pip/_internal/cli/main.py", $"{scriptsFromSitePackages}/pip3"]);
        Write(Path.Combine(scripts, "pip3"), "#!python");
        Write(Path.Combine(layout.SitePackages, "pip", "__pycache__", "__init__.cpython-312.pyc"), "compiled after RECORD was written");
        Write(Path.Combine(layout.SitePackages, "pip", "_internal", "cli", "__pycache__", "main.cpython-312.opt-1.pyc"), "compiled");
        Distribution(site, "setuptools", "65.5.0", ["setuptools/__init__.py", "_distutils_hack/__init__.py", "distutils-precedence.pth"]);
        Distribution(site, "Wheel", "0.43.0", ["wheel/__init__.py"]);
        Distribution(site, "pip_audit", "2.0", ["pip_audit/__init__.py"]);
        Write(Path.Combine(layout.SitePackages, "README.txt"), "kept");

        var removed = RemoveFrom(layout);

        removed.ShouldBe(["Wheel 0.43.0", "pip 24.0", "setuptools 65.5.0"]);
        Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["README.txt", "pip_audit", "pip_audit-2.0.dist-info"]);
        File.Exists(Path.Combine(_root, scripts, "pip3")).ShouldBeFalse();
        File.Exists(Path.Combine(_root, layout.Interpreter)).ShouldBeTrue();
        Directory.Exists(Path.Combine(_root, scripts)).ShouldBe(layout.Interpreter.StartsWith(scripts, StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_with_files_the_record_does_not_list_stays()
    {
        var layout = new RuntimeLayout(TargetPlatform.LinuxX64, "3.11");
        var site = Path.Combine(_root, layout.SitePackages);
        Distribution(site, "pip", "23.2.1", ["pip/__init__.py"]);
        Write(Path.Combine(layout.SitePackages, "pip", "local-notes.txt"), "not listed");

        RemoveFrom(layout);

        Directory.EnumerateFileSystemEntries(Path.Combine(site, "pip")).Select(Path.GetFileName).ShouldBe(["local-notes.txt"]);
        Directory.Exists(Path.Combine(site, "pip-23.2.1.dist-info")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../../../../outside.txt")]
    [InlineData("/etc/passwd")]
    public void A_record_path_outside_the_runtime_is_refused_before_anything_is_deleted(string path)
    {
        var layout = new RuntimeLayout(TargetPlatform.LinuxX64, "3.12");
        var site = Path.Combine(_root, "runtime", layout.SitePackages);
        Distribution(site, "pip", "24.0", ["pip/__init__.py", path]);

        var error = Should.Throw<RuntimeException>(() => BundledInstallerRemover.Remove(Path.Combine(_root, "runtime"), layout, CancellationToken.None));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeRecordInvalid);
        error.Message.ShouldContain($"lists '{path}', which is outside the runtime");
        error.File.ShouldBe(Path.Combine(site, "pip-24.0.dist-info", "RECORD"));
        File.Exists(Path.Combine(site, "pip", "__init__.py")).ShouldBeTrue();
    }

    [Fact]
    public void A_distribution_without_a_record_is_an_error_naming_the_file()
    {
        var layout = new RuntimeLayout(TargetPlatform.LinuxX64, "3.12");
        Directory.CreateDirectory(Path.Combine(_root, layout.SitePackages, "pip-24.0.dist-info"));

        var error = Should.Throw<RuntimeException>(() => RemoveFrom(layout));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeRecordInvalid);
        error.Message.ShouldContain("RECORD cannot be read");
    }

    [Fact]
    public void A_runtime_without_site_packages_has_nothing_to_remove()
    {
        RemoveFrom(new RuntimeLayout(TargetPlatform.LinuxX64, "3.12")).ShouldBeEmpty();
    }

    private IReadOnlyList<string> RemoveFrom(RuntimeLayout layout) => BundledInstallerRemover.Remove(_root, layout, CancellationToken.None);

    // A dist-info with RECORD (listing itself as installers do), and every listed file that lives in site-packages.
    private static void Distribution(string site, string name, string version, string[] files)
    {
        var distInfo = $"{name}-{version}.dist-info";
        var rows = files.Concat([$"{distInfo}/METADATA", $"{distInfo}/RECORD"]).Select(f => f + ",,").ToArray();
        foreach (var file in files.Where(f => !f.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(f)))
        {
            WriteAt(Path.Combine(site, file), "content");
        }

        WriteAt(Path.Combine(site, distInfo, "METADATA"), $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n");
        WriteAt(Path.Combine(site, distInfo, "RECORD"), string.Join('\n', rows) + "\n");
    }

    private void Write(string relative, string content) => WriteAt(Path.Combine(_root, relative), content);

    private static void WriteAt(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
