using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Deployment;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Tests.Export;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.Python;

namespace VenvStacks.Core.Tests.Deployment;

/// <summary>
/// postinstall.py run by a real Python on small hand-made layers (a layer folder with its venvstacks_layer.json, a
/// bin/python link to the test Python and a site-packages), and its text generators called directly for Windows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostInstallRunTests : IDisposable
{
    private readonly string _deployment = Path.Combine(Path.GetTempPath(), "vstk-deploy-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose() => Folders.TryDelete(_deployment);

    private static TestPython Python => TestPython.Find(PythonRequest.Any)!;

    [TestPythonFact]
    public async Task A_config_path_leaving_the_deployment_folder_is_refused_before_anything_is_written()
    {
        var layer = await WriteLayerAsync("app", new JsonObject
        {
            ["python"] = "bin/python",
            ["py_version"] = "3.11.7",
            ["base_python"] = "../runtime/bin/python",
            ["site_dir"] = "lib/python3.11/site-packages",
            ["pylib_dirs"] = new JsonArray("../runtime/lib/python3.11/site-packages", "../../../etc"),
            ["dynlib_dirs"] = new JsonArray(),
        });

        var run = await RunScriptAsync(layer);

        run.ExitCode.ShouldBe(1, run.Describe());
        run.StandardError.ShouldStartWith("postinstall.py: error: ");
        run.StandardError.ShouldContain("'pylib_dirs' path '../../../etc' resolves to");
        run.StandardError.ShouldContain("outside the deployment folder");
        File.Exists(Path.Combine(layer, "pyvenv.cfg")).ShouldBeFalse();
        Directory.Exists(Path.Combine(layer, "lib", "python3.11", "site-packages", "__pycache__")).ShouldBeFalse();
    }

    [TestPythonFact]
    public async Task Console_scripts_are_written_for_valid_entry_points_only_and_never_over_other_files()
    {
        var layer = await WriteRuntimeLikeLayerAsync();
        var site = Path.Combine(layer, "lib", "python3.11", "site-packages");
        WriteDistribution(site, "probe-1.0.dist-info", """
            [console_scripts]
            probe = probe:main
            probe-sub = probe:Tool.run [extra]
            bad/name = probe:main
            broken = probe
            injected = probe:main; import os
            python3 = probe:main

            [gui_scripts]
            probe-gui = probe:main

            [other.group]
            notascript = probe:main
            """);
        WriteDistribution(site, "zzz-2.0.dist-info", "[console_scripts]\nprobe = other:main\n");
        File.WriteAllText(Path.Combine(site, "probe.py"), "import sys\n\n\ndef main():\n    print('probe', sys.argv)\n    return 5\n\n\nclass Tool:\n    @staticmethod\n    def run():\n        return 0\n");
        File.WriteAllText(Path.Combine(layer, "bin", "python3"), "not ours\n");

        var run = await RunScriptAsync(layer);

        run.Succeeded.ShouldBeTrue(run.Describe());
        Directory.EnumerateFileSystemEntries(Path.Combine(layer, "bin")).Select(Path.GetFileName)
            .ShouldBe(["python", "python3", "probe", "probe-sub", "probe-gui"], ignoreOrder: true);
        File.ReadAllText(Path.Combine(layer, "bin", "python3")).ShouldBe("not ours\n");
        run.StandardError.ShouldContain("skipping script 'bad/name'");
        run.StandardError.ShouldContain("skipping script 'broken'");
        run.StandardError.ShouldContain("skipping script 'injected'");
        run.StandardError.ShouldContain("skipping script 'probe', another distribution provides it");
        run.StandardError.ShouldContain($"not replacing {Path.Combine(layer, "bin", "python3")}");
        var probe = await RunWithPathAsync(Path.Combine(layer, "bin", "probe"), site, "x");
        probe.ExitCode.ShouldBe(5, probe.Describe());
        probe.StandardOutput.ShouldBe($"probe ['{Path.Combine(layer, "bin", "probe")}', 'x']\n");
        (await RunWithPathAsync(Path.Combine(layer, "bin", "probe-sub"), site)).Succeeded.ShouldBeTrue();
    }

    [TestPythonFact]
    public async Task Running_again_gives_the_same_layer_and_drops_scripts_whose_entry_point_is_gone()
    {
        var layer = await WriteRuntimeLikeLayerAsync();
        var site = Path.Combine(layer, "lib", "python3.11", "site-packages");
        WriteDistribution(site, "probe-1.0.dist-info", "[console_scripts]\nprobe = probe:main\nold = probe:main\n");
        File.WriteAllText(Path.Combine(site, "probe.py"), "def main():\n    return 0\n");
        (await RunScriptAsync(layer)).Succeeded.ShouldBeTrue();
        var first = Folders.Snapshot(layer);

        (await RunScriptAsync(layer)).Succeeded.ShouldBeTrue();
        Folders.Differences(first, Folders.Snapshot(layer)).ShouldBeEmpty();

        WriteDistribution(site, "probe-1.0.dist-info", "[console_scripts]\nprobe = probe:main\n");
        (await RunScriptAsync(layer)).Succeeded.ShouldBeTrue();
        File.Exists(Path.Combine(layer, "bin", "old")).ShouldBeFalse();
        File.Exists(Path.Combine(layer, "bin", "probe")).ShouldBeTrue();
    }

    [TestPythonTheory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("quote's and \"double\"")]
    [InlineData("back\\slash \\x and \\N{and} \\u12")]
    [InlineData("dollar $HOME `cmd` $(cmd) '''")]
    public async Task A_console_script_runs_from_any_folder_name(string folderName)
    {
        var layer = await WriteRuntimeLikeLayerAsync(folderName);
        var site = Path.Combine(layer, "lib", "python3.11", "site-packages");
        WriteDistribution(site, "probe-1.0.dist-info", "[console_scripts]\nprobe = probe:main\n");
        File.WriteAllText(Path.Combine(site, "probe.py"), "import sys\n\n\ndef main():\n    print(sys.argv[0])\n    return 0\n");
        (await RunScriptAsync(layer)).Succeeded.ShouldBeTrue();
        var script = Path.Combine(layer, "bin", "probe");

        var run = await RunWithPathAsync(script, site);
        var compiled = await ExternalProcess.RunAsync(Python.Executable, ["-W", "error", "-c", "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')", script]);

        run.Succeeded.ShouldBeTrue(run.Describe());
        run.StandardOutput.ShouldBe(script + "\n");
        compiled.Succeeded.ShouldBeTrue(compiled.Describe());
    }

    [TestPythonFact]
    public async Task The_Windows_sitecustomize_text_of_the_script_equals_the_CSharp_one()
    {
        var pylib = new[] { @"C:\deploy\framework-x@2\Lib\site-packages", @"C:\deploy\it's\Lib\site-packages" };
        var dynlib = new[] { @"C:\deploy\framework-x@2\Library\bin", @"C:\deploy\cpython-3.11\Library\bin" };

        var text = await CallAsync(
            "json.dumps(m.site_customize_text(a['pylib'], a['dynlib'], True, exists=lambda p: p == a['dynlib'][0]))",
            new { pylib, dynlib });

        var expected = SiteCustomizeText.Generate(pylib, [new DllDirectoryEntry(dynlib[0], true), new DllDirectoryEntry(dynlib[1], false)], TargetOperatingSystem.Windows)!;
        JsonSerializer.Deserialize<string>(text).ShouldBe(expected.Replace("\r\n", "\n", StringComparison.Ordinal));
        expected.ShouldContain(@"# Skipping 'C:\\deploy\\cpython-3.11\\Library\\bin' (no such directory)");
    }

    [TestPythonFact]
    public async Task Windows_console_scripts_are_a_cmd_launcher_and_a_script_file()
    {
        var text = await CallAsync(
            "json.dumps(m.windows_script_files('tool', 'pkg-1.0.dist-info', 'pkg.cli', 'Main.run', a['python'], False))",
            new { python = @"C:\deploy 100%\app\Scripts\python.exe" });

        var files = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(text)!;
        files.Keys.ShouldBe(["tool.cmd", "tool-script.py"], ignoreOrder: true);
        var launcher = files["tool.cmd"][0].GetString()!;
        launcher.ShouldContain("\"C:\\deploy 100%%\\app\\Scripts\\python.exe\" \"%~dp0tool-script.py\" %*\n");
        launcher.ShouldStartWith("@echo off\n");
        var script = files["tool-script.py"][0].GetString()!;
        script.ShouldContain("from pkg.cli import Main\n");
        script.ShouldContain("    sys.exit(Main.run())\n");
    }

    // Calls a function of the embedded script by importing it; 'a' holds the JSON arguments, 'm' the module.
    private async Task<string> CallAsync(string expression, object arguments)
    {
        Directory.CreateDirectory(_deployment);
        var script = Path.Combine(_deployment, PostInstallScript.FileName);
        await PostInstallScript.WriteToAsync(script, CancellationToken.None);
        var code = "import importlib.util, json, sys\n"
            + "spec = importlib.util.spec_from_file_location('postinstall', sys.argv[1])\n"
            + "m = importlib.util.module_from_spec(spec)\n"
            + "spec.loader.exec_module(m)\n"
            + "a = json.loads(sys.argv[2])\n"
            + $"print({expression})\n";
        var run = await ExternalProcess.RunAsync(Python.Executable, ["-X", "utf8", "-I", "-c", code, script, JsonSerializer.Serialize(arguments)]);
        return run.EnsureSuccess("postinstall.py function").StandardOutput.TrimEnd('\n');
    }

    private async Task<string> WriteRuntimeLikeLayerAsync(string name = "runtime")
    {
        var layer = await WriteLayerAsync(name, new JsonObject
        {
            ["python"] = "bin/python",
            ["py_version"] = Python.Version,
            ["base_python"] = "bin/python",
            ["site_dir"] = "lib/python3.11/site-packages",
            ["pylib_dirs"] = new JsonArray(),
            ["dynlib_dirs"] = new JsonArray(),
        });
        Directory.CreateDirectory(Path.Combine(layer, "bin"));
        File.CreateSymbolicLink(Path.Combine(layer, "bin", "python"), Python.Executable);
        return layer;
    }

    private async Task<string> WriteLayerAsync(string name, JsonObject config)
    {
        var layer = Path.Combine(_deployment, name);
        Directory.CreateDirectory(Path.Combine(layer, "lib", "python3.11", "site-packages"));
        var configPath = DeployedLayer.ConfigPath(layer);
        Directory.CreateDirectory(Path.GetDirectoryName(configPath)!);
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        await PostInstallScript.WriteToAsync(Path.Combine(layer, PostInstallScript.FileName), CancellationToken.None);
        return layer;
    }

    private static void WriteDistribution(string site, string distInfo, string entryPoints)
    {
        Directory.CreateDirectory(Path.Combine(site, distInfo));
        File.WriteAllText(Path.Combine(site, distInfo, "entry_points.txt"), entryPoints.ReplaceLineEndings("\n"));
    }

    // The test Python is linked into the layer, but finds its own prefix: the layer's site-packages is added by hand.
    private static Task<ProcessOutput> RunWithPathAsync(string program, string sitePackages, params string[] arguments) =>
        ExternalProcess.RunAsync(program, arguments, new Dictionary<string, string?> { ["PYTHONPATH"] = sitePackages, ["PYTHONWARNINGS"] = "error" });

    private static Task<ProcessOutput> RunScriptAsync(string layer) =>
        ExternalProcess.RunAsync(Python.Executable, ["-X", "utf8", "-I", Path.Combine(layer, PostInstallScript.FileName)]);
}
