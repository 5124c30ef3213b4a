using VenvStacks.Packaging.Installation;
using VenvStacks.Core.Environments;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>A Linux framework and application written by LayerEnvironmentWriter around a simulated install.</summary>
public sealed class PosixLayerWriterTests : IDisposable
{
    private readonly StackFixture _stack = new();

    public PosixLayerWriterTests()
    {
        var bin = Path.Combine(_stack.BuildDirectory, "cpython-3.11", "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "python3.11"), "binary");
        File.CreateSymbolicLink(Path.Combine(bin, "python"), "python3.11");
        Directory.CreateDirectory(Path.Combine(_stack.BuildDirectory, "cpython-3.11", "lib", "python3.11", "site-packages"));
    }

    public void Dispose() => _stack.Dispose();

    private string Build => _stack.BuildDirectory;

    [Fact]
    public async Task Prepare_makes_a_venv_with_relative_links_a_wrapper_pyvenv_cfg_and_sitecustomize()
    {
        var plan = _stack.Plan(_stack.Application, TargetPlatform.LinuxX64);

        var scheme = await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);

        var env = Path.Combine(Build, "app-demo");
        var bin = Path.Combine(env, "bin");
        scheme.ShouldBe(new InstallScheme(
            Path.Combine(env, "lib", "python3.11", "site-packages"),
            Path.Combine(env, "lib", "python3.11", "site-packages"),
            bin,
            Path.Combine(env, "include", "site", "python3.11"),
            env));
        new FileInfo(Path.Combine(bin, "python_")).LinkTarget.ShouldBe("../../cpython-3.11/bin/python");
        new FileInfo(Path.Combine(bin, "python3")).LinkTarget.ShouldBe("python");
        new FileInfo(Path.Combine(bin, "python3.11")).LinkTarget.ShouldBe("python");
        new FileInfo(Path.Combine(env, "lib64")).LinkTarget.ShouldBe("lib");
        Directory.Exists(Path.Combine(env, "include", "python3.11")).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(bin, "python")).ShouldBe((UnixFileMode)0b111_101_101);
        }

        var wrapper = File.ReadAllText(Path.Combine(bin, "python"));
        wrapper.ShouldStartWith("#!/usr/bin/bash\n");
        wrapper.ShouldContain(
            "add_dynlib_dir \"$script_dir/../../framework-base/share/venv/dynlib\"\n"
            + "add_dynlib_dir \"$script_dir/../../cpython-3.11/share/venv/dynlib\"\n"
            + "export LD_LIBRARY_PATH\n");
        File.ReadAllText(Path.Combine(env, "pyvenv.cfg")).ShouldBe(
            $"home = {Build}/cpython-3.11/bin\n"
            + "include-system-site-packages = false\n"
            + "version = 3.11.13\n"
            + $"executable = {FileSystemEntries.RealPath(Build)}/cpython-3.11/bin/python3.11\n");
        File.ReadAllText(Path.Combine(env, "lib", "python3.11", "site-packages", "sitecustomize.py")).ShouldEndWith(
            "# Allow loading modules and packages from linked environments\n"
            + "from site import addsitedir\n"
            + $"addsitedir('{Build}/framework-base/lib/python3.11/site-packages')\n"
            + $"addsitedir('{Build}/cpython-3.11/lib/python3.11/site-packages')\n");
    }

    [Fact]
    public async Task Finish_links_libraries_copies_modules_writes_config_prunes_scripts_and_records_the_build()
    {
        var plan = _stack.Plan(_stack.Application, TargetPlatform.LinuxX64);
        var scheme = await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);
        StackFixture.Install(plan, "lib/python3.11/site-packages/pkg/libthing.so.2", "elf");
        StackFixture.Install(plan, "lib/python3.11/site-packages/pkg/_native.cpython-311-x86_64-linux-gnu.so", "elf");
        StackFixture.Install(plan, "bin/tool", "#!/abs/python");
        StackFixture.Install(plan, "bin/activate", "venv");
        StackFixture.Install(plan, "lib/python3.11/site-packages/pkg-1.0.dist-info/RECORD",
            "pkg/libthing.so.2,,\n../../../bin/tool,,\npkg-1.0.dist-info/RECORD,,\n");
        File.CreateSymbolicLink(Path.Combine(scheme.Purelib, "abs-link"), Path.Combine(Build, "cpython-3.11", "bin", "python3.11"));

        var result = await LayerEnvironmentWriter.FinishAsync(plan, _stack.Record(_stack.Application, plan), CancellationToken.None);

        var env = plan.Layer.EnvironmentPath;
        result.DynlibLinks.Select(Path.GetFileName).ShouldBe(["libthing.so.2"]);
        new FileInfo(result.DynlibLinks[0]).LinkTarget.ShouldBe("../../../lib/python3.11/site-packages/pkg/libthing.so.2");
        result.ModuleCopies.Select(Path.GetFileName).ShouldBe(["launch_app", "support.py"]);
        File.Exists(Path.Combine(scheme.Purelib, "launch_app", "__main__.py")).ShouldBeTrue();
        result.RemovedScripts.Select(Path.GetFileName).ShouldBe(["activate", "tool"]);
        Directory.GetFileSystemEntries(Path.Combine(env, "bin")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["python", "python3", "python3.11", "python_"]);
        File.ReadAllText(Path.Combine(scheme.Purelib, "pkg-1.0.dist-info", "RECORD")).ShouldBe("pkg/libthing.so.2,,\npkg-1.0.dist-info/RECORD,,\n");
        result.RelativizedLinks.ShouldBe([Path.Combine(scheme.Purelib, "abs-link")]);
        new FileInfo(Path.Combine(scheme.Purelib, "abs-link")).LinkTarget.ShouldBe("../../../../cpython-3.11/bin/python3.11");
        File.ReadAllText(Path.Combine(env, "share", "venv", "metadata", "venvstacks_layer.json")).ShouldContain("\"launch_module\": \"launch_app\"");
        _stack.Record(_stack.Application, plan).NeedsBuild(plan).ShouldBeFalse();
        File.ReadAllText(Path.Combine(Build, "app-demo.last-build.json")).ShouldContain("\"install_target\": \"app-demo\"");
    }

    [Fact]
    public async Task Preparing_again_forgets_the_last_build_until_finished()
    {
        var plan = _stack.Plan(_stack.Framework, TargetPlatform.LinuxX64);
        var record = _stack.Record(_stack.Framework, plan);
        await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);
        await LayerEnvironmentWriter.FinishAsync(plan, record, CancellationToken.None);
        record.NeedsBuild(plan).ShouldBeFalse();

        await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);

        record.NeedsBuild(plan).ShouldBeTrue();
        File.Exists(plan.LastBuildPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Deployment_variant_names_peers_by_install_target()
    {
        var plan = _stack.Plan(_stack.Application, TargetPlatform.MacOSArm64);
        var deployed = Path.Combine(_stack.BuildDirectory, "..", "export", "app-demo");
        Directory.CreateDirectory(Path.Combine(deployed, "bin"));
        File.CreateSymbolicLink(Path.Combine(deployed, "bin", "python_"), "../../cpython-3.11/bin/python");

        await PosixPythonLinks.WriteForDeploymentAsync(plan, deployed, CancellationToken.None);

        new FileInfo(Path.Combine(deployed, "bin", "python_")).LinkTarget.ShouldBe("../../cpython-3.11@3/bin/python");
        var wrapper = File.ReadAllText(Path.Combine(deployed, "bin", "python"));
        wrapper.ShouldStartWith("#!/bin/zsh\n");
        wrapper.ShouldContain(
            "add_dynlib_dir \"$script_dir/../../framework-base@3/share/venv/dynlib\"\n"
            + "add_dynlib_dir \"$script_dir/../../cpython-3.11@3/share/venv/dynlib\"\n"
            + "export DYLD_LIBRARY_PATH\n");
    }

    [Fact]
    public async Task A_layer_over_a_runtime_that_is_not_built_is_a_coded_error()
    {
        Directory.Delete(Path.Combine(Build, "cpython-3.11"), recursive: true);
        var plan = _stack.Plan(_stack.Framework, TargetPlatform.LinuxX64);

        var error = await Should.ThrowAsync<LayerEnvironmentException>(() => LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None));

        error.Diagnostic.Code.ShouldBe("VSTK3043");
        error.Diagnostic.Location!.File.ShouldBe(Path.Combine(Build, "cpython-3.11", "bin", "python"));
    }

    [Fact]
    public async Task The_runtime_layer_itself_gets_its_scheme_config_and_pruned_scripts()
    {
        var plan = _stack.Plan(_stack.Runtime, TargetPlatform.LinuxX64);

        var scheme = await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);
        StackFixture.Install(plan, "bin/pip3", "pip");
        StackFixture.Install(plan, "lib/python3.11/site-packages/rt/librt.so", "elf");
        var result = await LayerEnvironmentWriter.FinishAsync(plan, _stack.Record(_stack.Runtime, plan), CancellationToken.None);

        scheme.Headers.ShouldBe(Path.Combine(Build, "cpython-3.11", "include", "python3.11"));
        result.RemovedScripts.Select(Path.GetFileName).ShouldBe(["pip3"]);
        result.DynlibLinks.Select(Path.GetFileName).ShouldBe(["librt.so"]);
        File.Exists(Path.Combine(Build, "cpython-3.11", "pyvenv.cfg")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(Build, "cpython-3.11", "share", "venv", "metadata", "venvstacks_layer.json"))
            .ShouldContain("\"base_python\": \"bin/python\"");
    }

    [Fact]
    public void Plans_with_layers_outside_the_build_folder_are_rejected()
    {
        var plan = _stack.Plan(_stack.Application, TargetPlatform.LinuxX64);
        var stray = plan with { Runtime = plan.Runtime with { EnvironmentPath = Path.Combine(Path.GetTempPath(), "elsewhere", "cpython-3.11") } };

        Should.Throw<ArgumentException>(stray.Validate);
    }
}
