using VenvStacks.Core.Environments;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>A loaded three-layer stack (runtime, framework, application) with a build folder and lock files.</summary>
internal sealed class StackFixture : IDisposable
{
    private static readonly LockMetadata Lock = new("sha256:in", 3, "2025-01-02T03:04:05+00:00", "sha256:other", "sha256:req", "sha256:ver");
    private readonly SpecFiles _files = new();

    public StackFixture(string pythonVersion = "3.11.13")
    {
        _files.Touch("launch_app/__main__.py", "import fwmod, sys\nprint('launched', fwmod.VALUE, sys.prefix)\n");
        _files.Touch("support.py", "SUPPORT = True\n");
        LockFile = _files.Touch("requirements/pylock.toml", "lock-version = \"1.0\"\n");
        Stack = _files.Load($$"""
            [[runtimes]]
            name = "cpython-{{pythonVersion[..pythonVersion.LastIndexOf('.')]}}"
            python_implementation = "cpython@{{pythonVersion}}"
            requirements = []
            versioned = true

            [[frameworks]]
            name = "base"
            runtime = "cpython-{{pythonVersion[..pythonVersion.LastIndexOf('.')]}}"
            requirements = []
            versioned = true

            [[applications]]
            name = "demo"
            frameworks = ["base"]
            launch_module = "launch_app"
            support_modules = ["support.py"]
            requirements = []
            """).Spec!;
    }

    public StackSpec Stack { get; }

    public string LockFile { get; }

    public string BuildDirectory => Path.Combine(_files.Directory, "_build");

    public RuntimeLayerSpec Runtime => Stack.Runtimes.Single();

    public LayerSpec Framework => Stack.GetLayer("framework-base");

    public LayerSpec Application => Stack.GetLayer("app-demo");

    /// <summary>The plan of a layer; versioned layers deploy as <c>@3</c>.</summary>
    public LayerEnvironmentPlan Plan(LayerSpec layer, TargetPlatform platform) =>
        LayerEnvironmentPlan.FromSpec(
            layer,
            platform,
            BuildDirectory,
            l => l.InstallTarget(l.Versioned ? 3 : null),
            SourceTreeFilter.For(_files.Directory));

    public LastBuildRecord Record(LayerSpec layer, LayerEnvironmentPlan plan) => LastBuildRecord.Create(layer, plan, Lock, LockFile);

    /// <summary>Creates a file below the layer folder, as an installer would.</summary>
    public static string Install(LayerEnvironmentPlan plan, string relativePath, string content = "")
    {
        var path = Path.Combine(plan.Layer.EnvironmentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _files.Dispose();
}
