using System.Text;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Publishing;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Core.Tests.Locking;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// A stack in a private temp folder, locked with the real lock engine (over a small fake package universe) and built
/// with the real pieces: the runtime layer is the machine's test runtime archive extracted, framework and
/// application layers are written by <see cref="LayerEnvironmentWriter"/> around a small hand-made installed package
/// (with a shared library, a <c>__pycache__</c> folder and a hidden file, which publishing must leave out).
/// </summary>
internal sealed class PublishStack : IDisposable
{
    /// <summary>The default stack: a runtime, a versioned framework, an application on it and one on the runtime.</summary>
    public const string DefaultSpec = """
        [[runtimes]]
        name = "cpython-{minor}"
        python_implementation = "{python}"
        requirements = []

        [[frameworks]]
        name = "base"
        runtime = "cpython-{minor}"
        versioned = true
        requirements = ["hello"]

        [[applications]]
        name = "demo"
        frameworks = ["base"]
        launch_module = "launch_app"
        support_modules = ["support.py"]
        requirements = ["hello"]

        [[applications]]
        name = "other"
        runtime = "cpython-{minor}"
        launch_module = "other.py"
        requirements = []
        """;

    /// <summary>The post-install script tests inject: it writes what post-install writes for a layered layer
    /// (docs/venvstacks-reference.md §4.6 step 2: <c>pyvenv.cfg</c> and <c>sitecustomize.py</c> from
    /// <c>venvstacks_layer.json</c>, paths made absolute against the layer folder), so deployed layers can run.</summary>
    public static readonly byte[] PostInstallScript = Encoding.UTF8.GetBytes("""
        import json, os, sys
        layer = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(layer, "share", "venv", "metadata", "venvstacks_layer.json"), encoding="utf-8") as f:
            config = json.load(f)
        def absolute(path):
            return os.path.abspath(os.path.join(layer, path))
        if config["base_python"] != config["python"]:
            base_python = absolute(config["base_python"])
            with open(os.path.join(layer, "pyvenv.cfg"), "w", encoding="utf-8") as f:
                f.write(f"home = {os.path.dirname(base_python)}\ninclude-system-site-packages = false\n")
                f.write(f"version = {config['py_version']}\nexecutable = {os.path.realpath(base_python)}\n")
            with open(os.path.join(absolute(config["site_dir"]), "sitecustomize.py"), "w", encoding="utf-8") as f:
                f.write("from site import addsitedir\n")
                for site_dir in config["pylib_dirs"]:
                    f.write(f"addsitedir({absolute(site_dir)!r})\n")

        """.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static readonly DateTimeOffset Epoch2000 = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private PublishStack(string root, string pythonImplementation, TargetPlatform platform, TestRuntimeArchive? runtime)
    {
        Root = root;
        PythonImplementation = pythonImplementation;
        Platform = platform;
        Runtime = runtime;
    }

    public string Root { get; }

    /// <summary>The runtime's <c>cpython@X.Y.Z</c>.</summary>
    public string PythonImplementation { get; }

    /// <summary>The runtime's <c>X.Y</c>.</summary>
    public string MinorVersion => PythonImplementation[(PythonImplementation.IndexOf('@', StringComparison.Ordinal) + 1)..PythonImplementation.LastIndexOf('.')];

    /// <summary>The platform layers are built and published for.</summary>
    public TargetPlatform Platform { get; }

    /// <summary>The test runtime the runtime layer is extracted from; null for a stack built for another platform,
    /// whose runtime layer is a stand-in with the files of its layout.</summary>
    public TestRuntimeArchive? Runtime { get; }

    public string SpecDirectory => Path.Combine(Root, "spec");

    public StackSpec Spec { get; private set; } = null!;

    /// <summary>A stack from <paramref name="specTemplate"/> (<c>{python}</c> and <c>{minor}</c> are the runtime's),
    /// written, loaded and locked. Without <paramref name="platform"/> the layers are for this machine, on the test
    /// runtime; with one, for that platform, over a stand-in runtime (built and published, never run).</summary>
    public static async Task<PublishStack> CreateAsync(string specTemplate = DefaultSpec, string minor = "3.11", TargetPlatform? platform = null)
    {
        var stack = await NewAsync(minor, platform);
        stack.WriteFile("launch_app/__main__.py", "import hello, pkg_framework_base, support\nprint('launched', hello.LAYER, pkg_framework_base.LAYER)\n");
        stack.WriteFile("support.py", "SUPPORT = True\n");
        stack.WriteFile("other.py", "print('other')\n");
        await stack.ReplaceSpecAsync(specTemplate);
        return stack;
    }

    /// <summary>A copy of a project folder (its <c>venvstacks.toml</c> used as it is), loaded and locked.</summary>
    public static async Task<PublishStack> FromProjectAsync(string projectFolder, string minor = "3.11")
    {
        var stack = await NewAsync(minor, null);
        VenvStacks.TestSupport.FileTrees.Copy(projectFolder, stack.SpecDirectory);
        await stack.ReplaceSpecAsync(File.ReadAllText(Path.Combine(stack.SpecDirectory, "venvstacks.toml")));
        return stack;
    }

    private static async Task<PublishStack> NewAsync(string minor, TargetPlatform? platform)
    {
        var root = Path.Combine(Path.GetTempPath(), "vstk-publish-" + Guid.NewGuid().ToString("N"));
        if (platform is not null)
        {
            return new PublishStack(root, $"cpython@{minor}.13", platform, null);
        }

        var runtime = (await TestRuntimes.GetAsync()).For(minor);
        return new PublishStack(root, runtime.PythonImplementation, TargetPlatform.Parse(runtime.Platform), runtime);
    }

    /// <summary>Writes a file below the spec folder.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(SpecDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Rewrites the spec, loads it and locks what needs locking.</summary>
    public async Task ReplaceSpecAsync(string specTemplate)
    {
        LoadSpec(specTemplate);
        await LockAsync();
    }

    /// <summary>Rewrites and loads the spec without locking it.</summary>
    public void LoadSpec(string specTemplate)
    {
        var text = specTemplate.Replace("{python}", PythonImplementation, StringComparison.Ordinal)
            .Replace("{minor}", MinorVersion, StringComparison.Ordinal);
        var path = WriteFile("venvstacks.toml", text.ReplaceLineEndings("\n"));
        var load = StackSpecLoader.Load(path, StackSpecLoadOptions.Empty);
        Spec = load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));
    }

    /// <summary>Locks what needs locking, over a universe of two pure-Python packages.</summary>
    public async Task LockAsync()
    {
        var universe = new FakeUniverseResolver().Add("hello", "1.0").Add("extra", "2.0");
        var locked = await new LockEngine(universe).LockAsync(Spec, LockOptions.Default, null, CancellationToken.None);
        locked.Succeeded.ShouldBeTrue(string.Join("\n", locked.Diagnostics));
    }

    /// <summary>A fresh folder below the stack's root.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Builds every layer of the platform into <c>Root/&lt;name&gt;</c>. A scrambled build makes the same content with
    /// another history: files created in reverse order (the runtime copied from an extraction in reverse name order)
    /// and every time stamp set to a different, arbitrary value.
    /// </summary>
    public async Task<string> BuildAsync(string name, bool scrambled = false)
    {
        var buildRoot = Folder(name);
        foreach (var layer in Spec.Layers.Where(l => l.Platforms.Contains(Platform)))
        {
            await BuildLayerAsync(buildRoot, layer, scrambled);
        }

        if (scrambled)
        {
            Scramble(buildRoot);
        }

        return buildRoot;
    }

    /// <summary>(Re)builds one layer as the build step would after its lock changed.</summary>
    public async Task BuildLayerAsync(string buildRoot, LayerSpec layer, bool scrambled = false)
    {
        var plan = Plan(buildRoot, layer);
        if (layer.Kind == LayerKind.Runtime && !Directory.Exists(plan.Layer.EnvironmentPath))
        {
            await ExtractRuntimeAsync(plan.Layer.EnvironmentPath, scrambled);
        }

        var scheme = await LayerEnvironmentWriter.PrepareAsync(plan, CancellationToken.None);
        if (layer.Kind != LayerKind.Runtime)
        {
            InstallPackage(scheme.Purelib, plan.Layer.EnvironmentPath, layer.BuildName, scrambled);
        }

        var state = LockStateReader.Read(Spec)[layer.BuildName];
        await LayerEnvironmentWriter.FinishAsync(plan, LastBuildRecord.Create(layer, plan, state.Recorded!, state.Files.PyLockPath), CancellationToken.None);
    }

    /// <summary>The layer's plan in a build folder, deployed names from the current locks.</summary>
    public LayerEnvironmentPlan Plan(string buildRoot, LayerSpec layer)
    {
        var states = LockStateReader.Read(Spec);
        return LayerEnvironmentPlan.FromSpec(layer, Platform, buildRoot, l => l.InstallTarget(states[l.BuildName].LockVersion), SourceTreeFilter.For(SpecDirectory));
    }

    /// <summary>A publish of a build folder into an output folder with the test post-install script.</summary>
    public PublishRequest Request(string buildRoot, string output, ArchiveFormat? format = ArchiveFormat.TarZst) => new()
    {
        Spec = Spec,
        BuildDirectory = buildRoot,
        OutputDirectory = output,
        Platform = Platform,
        PostInstallScript = PostInstallScript,
        Format = format,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }

    private async Task ExtractRuntimeAsync(string environmentPath, bool scrambled)
    {
        if (Runtime is null)
        {
            WriteStandInRuntime(environmentPath);
            return;
        }

        var options = new ArchiveExtractOptions { StripComponents = 1 };
        if (!scrambled)
        {
            await SafeArchiveExtractor.ExtractAsync(Runtime.Path, environmentPath, options, CancellationToken.None);
            return;
        }

        var extracted = Path.Combine(Root, "extracted-" + Guid.NewGuid().ToString("N"));
        await SafeArchiveExtractor.ExtractAsync(Runtime.Path, extracted, options, CancellationToken.None);
        CopyInReverseOrder(extracted, environmentPath);
        Directory.Delete(extracted, recursive: true);
    }

    // The files of a python-build-standalone runtime's layout that building layers on it needs.
    private void WriteStandInRuntime(string environmentPath)
    {
        var minor = MinorVersion;
        var files = Platform.OperatingSystem == TargetOperatingSystem.Windows
            ? new[] { "python.exe", "Lib/venv/scripts/nt/python.exe", "Lib/venv/scripts/nt/pythonw.exe", "Lib/os.py", "Lib/site-packages/README.txt" }
            : [$"bin/python{minor}", $"lib/python{minor}/os.py", $"lib/python{minor}/site-packages/README.txt"];
        foreach (var file in files)
        {
            var path = Path.Combine(environmentPath, file.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "stand-in for " + file + "\n");
        }

        if (Platform.OperatingSystem != TargetOperatingSystem.Windows)
        {
            File.CreateSymbolicLink(Path.Combine(environmentPath, "bin", "python"), "python" + minor);
        }
    }

    private static void CopyInReverseOrder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos().OrderByDescending(e => e.Name, StringComparer.Ordinal))
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo)
            {
                CopyInReverseOrder(entry.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }

    // A package as an installer leaves it, plus what publishing must drop: byte code and a hidden file.
    private static void InstallPackage(string sitePackages, string environment, string buildName, bool reversed)
    {
        var package = "pkg_" + buildName.Replace('-', '_');
        var files = new (string Path, string Content)[]
        {
            ($"{package}/__init__.py", $"LAYER = '{buildName}'\n"),
            ($"{package}/libshared_{package}.so", "not really ELF\n"),
            ($"{package}/__pycache__/__init__.cpython-311.pyc", "byte code\n"),
            ($"{package}-1.0.dist-info/METADATA", $"Metadata-Version: 2.1\nName: {package}\nVersion: 1.0\n"),
            ($"{package}-1.0.dist-info/RECORD", $"{package}/__init__.py,,\n{package}/libshared_{package}.so,,\n{package}-1.0.dist-info/METADATA,,\n{package}-1.0.dist-info/RECORD,,\n"),
            ("hello.py", $"LAYER = '{buildName}'\n"),
        };
        foreach (var (path, content) in reversed ? files.Reverse() : files)
        {
            var full = Path.Combine(sitePackages, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        File.WriteAllText(Path.Combine(environment, ".build-state"), "hidden\n");
    }

    private static void Scramble(string buildRoot)
    {
        var random = new Random(buildRoot.GetHashCode(StringComparison.Ordinal));
        foreach (var entry in new DirectoryInfo(buildRoot).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                entry.LastWriteTimeUtc = Epoch2000.UtcDateTime.AddSeconds(random.Next(0, 700_000_000));
            }
        }
    }
}
