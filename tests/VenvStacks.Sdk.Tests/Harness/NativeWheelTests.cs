using System.IO.Compression;
using System.Text;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Sdk.Tests.Harness;

/// <summary>
/// The native test wheels are real: pip installs them, they import and call into their machine code, the linked
/// extensions need their library on LD_LIBRARY_PATH (no RPATH), and their ELF headers say what the tests rely on.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NativeWheelTests
{
    [NativeWheelFact("3.11")]
    public Task Wheels_for_311_install_with_pip_and_import() => InstallAndImportAsync(PythonRequest.Python311);

    [NativeWheelFact("3.12")]
    public Task Wheels_for_312_install_with_pip_and_import() => InstallAndImportAsync(PythonRequest.Python312);

    [NativeWheelFact]
    public async Task The_elf_headers_carry_sonames_no_rpath_and_nothing_newer_than_glibc_217()
    {
        var wheels = await NativeWheelBuilder.GetAsync(Python(PythonRequest.Any));
        using var scratch = new ScratchFolder("elf");

        var foo = await ReadElfAsync(wheels.SharedLibrary, scratch);
        var fooConsumer = await ReadElfAsync(wheels.LinkedExtension, scratch);
        var bar = await ReadElfAsync(wheels.VersionedSharedLibrary, scratch);
        var barConsumer = await ReadElfAsync(wheels.VersionedLinkedExtension, scratch);
        var plain = await ReadElfAsync(wheels.CExtension, scratch);

        foo.Soname.ShouldBe("libfoo.so");
        bar.Soname.ShouldBe("libbar.so.1");
        fooConsumer.Needed.ShouldContain("libfoo.so");
        barConsumer.Needed.ShouldContain("libbar.so.1");
        foreach (var elf in new[] { foo, fooConsumer, bar, barConsumer, plain })
        {
            elf.Rpath.ShouldBeNull();
            elf.Runpath.ShouldBeNull();
            (elf.NewestGlibc ?? new Version(2, 0)).ShouldBeLessThanOrEqualTo(new Version(2, 17));
        }
    }

    [NativeWheelFact]
    public async Task Wheels_carry_the_python_and_manylinux_tags_and_the_consumers_require_their_library()
    {
        var python = Python(PythonRequest.Any);
        var wheels = await NativeWheelBuilder.GetAsync(python);

        wheels.PlatformTag.ShouldStartWith("manylinux_2_17_");
        wheels.CExtension.FileName.ShouldBe($"cext_demo-1.0.0-{python.CPythonTag}-{python.CPythonTag}-{wheels.PlatformTag}.whl");
        wheels.SharedLibrary.FileName.ShouldBe($"sharedlib_demo-1.0.0-py3-none-{wheels.PlatformTag}.whl");
        Metadata(wheels.LinkedExtension).ShouldContain("Requires-Dist: sharedlib-demo==1.0.0");
        Metadata(wheels.VersionedLinkedExtension).ShouldContain("Requires-Dist: versionedlib-demo==1.0.0");
        Directory.EnumerateFiles(wheels.Folder, "*.whl").Select(Path.GetFileName)
            .ShouldBe(wheels.All.Select(w => w.FileName), ignoreOrder: true);
    }

    [NativeWheelFact]
    public async Task Building_again_gives_the_same_bytes()
    {
        var python = Python(PythonRequest.Any);
        var cached = await NativeWheelBuilder.GetAsync(python);
        using var scratch = new ScratchFolder("rebuild");

        var rebuilt = await new NativeWheelBuilder(python).BuildAsync(scratch.Path);

        rebuilt.All.Select(w => (w.FileName, w.Sha256)).ShouldBe(cached.All.Select(w => (w.FileName, w.Sha256)));
    }

    private static async Task InstallAndImportAsync(PythonRequest request)
    {
        var python = Python(request);
        var wheels = await NativeWheelBuilder.GetAsync(python);
        using var scratch = new ScratchFolder("native-" + python.MinorVersion);
        var venv = scratch.Combine("venv");
        (await ExternalProcess.RunAsync(python.Executable, ["-I", "-m", "venv", "--without-pip", venv])).EnsureSuccess("python -m venv");
        var venvPython = Path.Combine(venv, "bin", "python");
        (await ExternalProcess.RunAsync(
            python.Executable,
            ["-I", "-m", "pip", "--python", venvPython, "install", "--no-index", "--no-deps", "--no-cache-dir", "--disable-pip-version-check",
                .. wheels.All.Select(w => w.Path)],
            new Dictionary<string, string?> { ["PIP_CONFIG_FILE"] = "/dev/null", ["PIP_ROOT_USER_ACTION"] = "ignore" }))
            .EnsureSuccess("pip install");
        var sitePackages = Path.Combine(venv, "lib", "python" + python.MinorVersion, "site-packages");

        foreach (var wheel in new[] { wheels.CExtension, wheels.SharedLibrary, wheels.VersionedSharedLibrary })
        {
            (await RunAsync(venvPython, wheel.CheckScript, libraryPath: null)).EnsureSuccess(wheel.Project).StandardOutput.Trim().ShouldBe("ok");
        }

        foreach (var (consumer, library) in new[] { (wheels.LinkedExtension, wheels.SharedLibrary), (wheels.VersionedLinkedExtension, wheels.VersionedSharedLibrary) })
        {
            var alone = await RunAsync(venvPython, consumer.CheckScript, libraryPath: null);
            alone.Succeeded.ShouldBeFalse(consumer.Project + " must not find its library without LD_LIBRARY_PATH");
            alone.StandardError.ShouldContain(library.NativeFile.Split('/')[^1] + ": cannot open shared object file");

            var libraryFolder = Path.Combine(sitePackages, library.NativeFolder);
            (await RunAsync(venvPython, consumer.CheckScript, libraryFolder)).EnsureSuccess(consumer.Project).StandardOutput.Trim().ShouldBe("ok");
        }
    }

    private static Task<ProcessOutput> RunAsync(string python, string script, string? libraryPath) =>
        ExternalProcess.RunAsync(python, ["-I", "-B", "-c", script], new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = libraryPath });

    private static TestPython Python(PythonRequest request) =>
        TestPython.Find(request, TestPythonNeeds.Headers | TestPythonNeeds.Pip).ShouldNotBeNull();

    private static async Task<NativeElfInfo> ReadElfAsync(NativeWheel wheel, ScratchFolder scratch)
    {
        var target = scratch.Combine(wheel.Project, Path.GetFileName(wheel.NativeFile));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using (var zip = ZipFile.OpenRead(wheel.Path))
        {
            zip.GetEntry(wheel.NativeFile).ShouldNotBeNull(wheel.NativeFile).ExtractToFile(target);
        }

        return await NativeElfInfo.ReadAsync(target);
    }

    private static string Metadata(NativeWheel wheel)
    {
        using var zip = ZipFile.OpenRead(wheel.Path);
        using var reader = new StreamReader(zip.GetEntry($"{wheel.ImportName}-1.0.0.dist-info/METADATA")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
