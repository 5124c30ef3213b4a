using VenvStacks.Core.Environments;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>Windows layers written on this host: Windows file names, '\' in files, CRLF where Python writes it, no links.</summary>
public sealed class WindowsLayerWriterTests : IDisposable
{
    private StackFixture _stack = new();

    public void Dispose() => _stack.Dispose();

    private string Build => _stack.BuildDirectory;

    [Fact]
    public async Task CPython_3_11_layers_copy_the_runtime_s_venv_launcher_and_use_no_links()
    {
        Runtime("cpython-3.11", "Lib/venv/scripts/nt/python.exe", "Lib/venv/scripts/nt/pythonw.exe", "Library/bin/zlib.dll");
        var plan = _stack.Plan(_stack.Application, TargetPlatform.WinAmd64);

        var scheme = await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);
        StackFixture.Install(plan, "Scripts/tool.exe", "MZ");
        StackFixture.Install(plan, "Lib/site-packages/pkg/native.dll", "MZ");
        var result = await LayerEnvironmentWriter.FinishAsync(plan, _stack.Record(_stack.Application, plan), CancellationToken.None);

        var env = Path.Combine(Build, "app-demo");
        scheme.Scripts.ShouldBe(Path.Combine(env, "Scripts"));
        scheme.Purelib.ShouldBe(Path.Combine(env, "Lib", "site-packages"));
        File.ReadAllText(Path.Combine(env, "Scripts", "python.exe")).ShouldBe("MZ Lib/venv/scripts/nt/python.exe");
        File.ReadAllText(Path.Combine(env, "Scripts", "pythonw.exe")).ShouldBe("MZ Lib/venv/scripts/nt/pythonw.exe");
        Directory.Exists(Path.Combine(env, "Include")).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(env, "*", SearchOption.AllDirectories)
            .Where(FileSystemEntries.IsLink).ShouldBeEmpty();
        File.ReadAllText(Path.Combine(env, "pyvenv.cfg")).ShouldBe(
            $"home = {Build}/cpython-3.11\r\n"
            + "include-system-site-packages = false\r\n"
            + "version = 3.11.13\r\n"
            + $"executable = {FileSystemEntries.RealPath(Build)}/cpython-3.11/python.exe\r\n");
        File.ReadAllText(Path.Combine(env, "Lib", "site-packages", "sitecustomize.py")).ShouldEndWith(
            "from site import addsitedir\r\n"
            + $"addsitedir('{Build}/framework-base/Lib/site-packages')\r\n"
            + $"addsitedir('{Build}/cpython-3.11/Lib/site-packages')\r\n"
            + "\r\n# Allow loading misplaced DLLs on Windows\r\n"
            + "from os import add_dll_directory\r\n"
            + $"# Skipping '{Build}/framework-base/Library/bin' (no such directory)\r\n"
            + $"add_dll_directory('{Build}/cpython-3.11/Library/bin')\r\n");
        result.DynlibLinks.ShouldBeEmpty();
        result.RemovedScripts.Select(Path.GetFileName).ShouldBe(["tool.exe"]);
        Directory.Exists(Path.Combine(env, "share", "venv", "dynlib")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(env, "share", "venv", "metadata", "venvstacks_layer.json")).ShouldBe(
            """
            {
              "base_python": "..\\cpython-3.11@3\\python.exe",
              "dynlib_dirs": [
                "..\\framework-base@3\\Library\\bin",
                "..\\cpython-3.11@3\\Library\\bin"
              ],
              "launch_module": "launch_app",
              "py_version": "3.11.13",
              "pylib_dirs": [
                "..\\framework-base@3\\Lib\\site-packages",
                "..\\cpython-3.11@3\\Lib\\site-packages"
              ],
              "python": "Scripts\\python.exe",
              "site_dir": "Lib\\site-packages"
            }

            """);
        File.ReadAllText(Path.Combine(Build, "app-demo.last-build.json")).ShouldContain("\"bound_to_implementation\": true");
    }

    [Fact]
    public async Task CPython_3_11_falls_back_to_venvlauncher_next_to_python_exe()
    {
        Runtime("cpython-3.11", "venvlauncher.exe", "venvwlauncher.exe");
        var plan = _stack.Plan(_stack.Framework, TargetPlatform.WinArm64);

        await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);

        var scripts = Path.Combine(Build, "framework-base", "Scripts");
        File.ReadAllText(Path.Combine(scripts, "python.exe")).ShouldBe("MZ venvlauncher.exe");
        File.ReadAllText(Path.Combine(scripts, "pythonw.exe")).ShouldBe("MZ venvwlauncher.exe");
    }

    [Fact]
    public async Task CPython_3_13_layers_copy_venvlauncher_from_the_venv_package()
    {
        _stack.Dispose();
        _stack = new StackFixture("3.13.2");
        Runtime("cpython-3.13", "Lib/venv/scripts/nt/venvlauncher.exe", "Lib/venv/scripts/nt/python.exe");
        var plan = _stack.Plan(_stack.Framework, TargetPlatform.WinAmd64);

        await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);

        var scripts = Path.Combine(Build, "framework-base", "Scripts");
        File.ReadAllText(Path.Combine(scripts, "python.exe")).ShouldBe("MZ Lib/venv/scripts/nt/venvlauncher.exe");
        File.Exists(Path.Combine(scripts, "pythonw.exe")).ShouldBeFalse("the runtime has no venvwlauncher.exe");
        File.ReadAllText(Path.Combine(Build, "framework-base", "pyvenv.cfg")).ShouldContain("version = 3.13.2\r\n");
    }

    [Fact]
    public async Task A_runtime_without_a_launcher_is_a_coded_error()
    {
        Runtime("cpython-3.11");
        var plan = _stack.Plan(_stack.Framework, TargetPlatform.WinAmd64);

        var error = await Should.ThrowAsync<LayerEnvironmentException>(() => LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None));

        error.Diagnostic.Code.ShouldBe("VSTK3042");
        error.Message.ShouldContain(Path.Combine(Build, "cpython-3.11", "Lib", "venv", "scripts", "nt", "python.exe"));
        error.Message.ShouldContain(Path.Combine(Build, "cpython-3.11", "venvlauncher.exe"));
    }

    [Fact]
    public void Launcher_sources_follow_each_CPython_version_s_venv_module()
    {
        WindowsVenvLauncher.Sources(3, 12).Select(s => s.Python.Value).ShouldBe(["Lib/venv/scripts/nt/python.exe", "venvlauncher.exe"]);
        WindowsVenvLauncher.Sources(3, 13).Select(s => s.PythonW.Value).ShouldBe(["Lib/venv/scripts/nt/venvwlauncher.exe"]);
    }

    private void Runtime(string buildName, params string[] files)
    {
        var root = Path.Combine(Build, buildName);
        Directory.CreateDirectory(Path.Combine(root, "Lib", "site-packages"));
        File.WriteAllText(Path.Combine(root, "python.exe"), "MZ python");
        foreach (var file in files)
        {
            var path = Path.Combine([root, .. file.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "MZ " + file);
        }
    }
}
