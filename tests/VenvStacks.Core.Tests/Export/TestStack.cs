using VenvStacks.Core.Runtimes;
using System.Security.Cryptography;
using System.Text;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Export;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Core.Tests.Locking;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Export;

/// <summary>
/// A real three-layer stack for this machine, built with the real pieces into a private temp folder: the runtime is
/// the machine's CPython 3.11 test runtime archive extracted as a python-build-standalone runtime; the framework
/// (versioned, so it deploys as <c>framework-base@1</c>) holds a hand-made pure-Python distribution <c>fwpkg</c> with a
/// console script <c>fwtool</c>; the application's launch module imports it. Locks are made by the real lock engine
/// (no requirements, so no index); layers are written by <see cref="LayerEnvironmentWriter"/>. Without a runtime
/// archive the runtime is a stand-in (a few files, nothing runnable), for export tests that do not run post-install.
/// </summary>
internal sealed class TestStack : IDisposable
{
    public const string LaunchModuleText = "import fwpkg, sys\nprint('launched', fwpkg.VALUE, sys.prefix)\n";

    private readonly TestRuntimeArchive? _runtime;
    private readonly string _version;

    private TestStack(string root, TestRuntimeArchive? runtime)
    {
        Root = root;
        _runtime = runtime;
        _version = runtime?.Version ?? "3.11.7";
    }

    public string Root { get; }

    public string SpecDirectory => Path.Combine(Root, "spec");

    public string SpecPath => Path.Combine(SpecDirectory, "venvstacks.toml");

    public string BuildDirectory => Path.Combine(Root, "build");

    public StackSpec Spec { get; private set; } = null!;

    public IReadOnlyDictionary<string, LayerLockState> LockStates => LockStateReader.Read(Spec);

    public string MinorVersion => string.Join('.', _version.Split('.').Take(2));

    public string RuntimeName => "cpython-" + MinorVersion;

    public string PythonXY => "python" + MinorVersion;

    /// <summary>Writes, locks and builds the stack (all three layers, or without the application).</summary>
    public static async Task<TestStack> CreateAsync(TestRuntimeArchive? runtime, bool withApplication = true)
    {
        var stack = new TestStack(Path.Combine(Path.GetTempPath(), "vstk-export-" + Guid.NewGuid().ToString("N")[..12]), runtime);
        Directory.CreateDirectory(stack.SpecDirectory);
        var launchModule = Path.Combine(stack.SpecDirectory, "launch_app", "__main__.py");
        Directory.CreateDirectory(Path.GetDirectoryName(launchModule)!);
        File.WriteAllText(launchModule, LaunchModuleText);
        await stack.LoadAsync(withApplication);
        foreach (var layer in stack.Spec.Layers)
        {
            await stack.BuildAsync(layer);
        }

        return stack;
    }

    /// <summary>Rewrites the spec (with or without the application), loads it and locks what needs it.</summary>
    public async Task LoadAsync(bool withApplication)
    {
        var platform = HostPlatform.TryCurrent()!.Name;
        var toml = $$"""
            [[runtimes]]
            name = "{{RuntimeName}}"
            python_implementation = "cpython@{{_version}}"
            requirements = []
            platforms = ["{{platform}}"]

            [[frameworks]]
            name = "base"
            runtime = "{{RuntimeName}}"
            requirements = []
            versioned = true
            platforms = ["{{platform}}"]

            """;
        if (withApplication)
        {
            toml += $$"""

                [[applications]]
                name = "demo"
                frameworks = ["base"]
                launch_module = "launch_app"
                requirements = []
                platforms = ["{{platform}}"]

                """;
        }

        File.WriteAllText(SpecPath, toml.ReplaceLineEndings("\n"));
        var load = StackSpecLoader.Load(SpecPath, StackSpecLoadOptions.Empty);
        Spec = load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));
        var locked = await new LockEngine(new FakeUniverseResolver()).LockAsync(Spec, LockOptions.Default, null, CancellationToken.None);
        locked.Succeeded.ShouldBeTrue(string.Join("\n", locked.Diagnostics));
    }

    /// <summary>Builds one layer the way the build does, from its current spec and lock.</summary>
    public async Task BuildAsync(LayerSpec layer)
    {
        var states = LockStates;
        var plan = LayerEnvironmentPlan.FromSpec(
            layer,
            HostPlatform.TryCurrent()!,
            BuildDirectory,
            l => l.InstallTarget(states[l.BuildName].LockVersion),
            SourceTreeFilter.For(SpecDirectory));
        if (layer.Kind == LayerKind.Runtime && _runtime is null)
        {
            WriteStandInRuntime(plan.Layer.EnvironmentPath);
        }
        else if (layer.Kind == LayerKind.Runtime)
        {
            await SafeArchiveExtractor.ExtractAsync(
                _runtime!.Path,
                plan.Layer.EnvironmentPath,
                new ArchiveExtractOptions { StripComponents = 1, ReplaceExisting = true },
                CancellationToken.None);
        }

        var scheme = await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);
        if (layer.Kind == LayerKind.Framework)
        {
            InstallFrameworkPackage(scheme.Purelib);
        }

        var state = states[layer.BuildName];
        var record = LastBuildRecord.Create(layer, plan, state.Recorded!, state.Files.PyLockPath);
        await LayerEnvironmentWriter.FinishAsync(plan, record, CancellationToken.None);
    }

    public Task<ExportResult> ExportAsync(string output, ExportPostInstall? postInstall = null, params string[] layers) =>
        StackExporter.ExportAsync(Request(output, postInstall, layers), null, CancellationToken.None);

    public ExportRequest Request(string output, ExportPostInstall? postInstall = null, params string[] layers) => new()
    {
        Spec = Spec,
        BuildDirectory = BuildDirectory,
        LockStates = LockStates,
        OutputDirectory = output,
        PostInstall = postInstall ?? ExportPostInstall.WithRuntimePython,
        Layers = [.. layers],
    };

    public LayerSpec Layer(string buildName) => Spec.GetLayer(buildName);

    /// <summary>The deployed folder name of a layer.</summary>
    public string InstallTarget(string buildName) => Layer(buildName).InstallTarget(LockStates[buildName].LockVersion);

    public string SitePackages(string layerFolder) => Path.Combine(layerFolder, "lib", PythonXY, "site-packages");

    private void WriteStandInRuntime(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "bin"));
        Directory.CreateDirectory(Path.Combine(folder, "lib", PythonXY, "site-packages"));
        File.WriteAllText(Path.Combine(folder, "bin", PythonXY), "stand-in for an interpreter\n");
        File.CreateSymbolicLink(Path.Combine(folder, "bin", "python"), PythonXY);
        File.WriteAllText(Path.Combine(folder, "lib", PythonXY, "os.py"), "# stand-in\n");
    }

    // What an installer would put into site-packages for a pure-Python wheel with a console script.
    private static void InstallFrameworkPackage(string sitePackages)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fwpkg/__init__.py"] = "VALUE = 42\n",
            ["fwpkg/cli.py"] = "import sys\n\n\ndef main():\n    import fwpkg\n    print('fwtool', fwpkg.VALUE, sys.prefix, sys.argv[1:])\n    return 0\n",
            ["fwpkg-1.0.dist-info/METADATA"] = "Metadata-Version: 2.1\nName: fwpkg\nVersion: 1.0\n",
            ["fwpkg-1.0.dist-info/WHEEL"] = "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
            ["fwpkg-1.0.dist-info/entry_points.txt"] = "[console_scripts]\nfwtool = fwpkg.cli:main\n",
        };
        var record = new StringBuilder();
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(sitePackages, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var bytes = Encoding.UTF8.GetBytes(content);
            File.WriteAllBytes(full, bytes);
            var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append(path).Append(",sha256=").Append(hash).Append(',').Append(bytes.Length).Append('\n');
        }

        record.Append("fwpkg-1.0.dist-info/RECORD,,\n");
        File.WriteAllText(Path.Combine(sitePackages, "fwpkg-1.0.dist-info", "RECORD"), record.ToString());
    }

    public void Dispose() => Folders.TryDelete(Root);
}
