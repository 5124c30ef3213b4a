using System.Security.Cryptography;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Hashing;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>.last-build.json and "needs build" (docs/venvstacks-reference.md §3.10).</summary>
public sealed class LastBuildRecordTests : IDisposable
{
    private const string Spec = """
        [[runtimes]]
        name = "cpython-3.11"
        python_implementation = "cpython@3.11.13"
        requirements = ["numpy"]

        [[frameworks]]
        name = "sci"
        runtime = "cpython-3.11"
        requirements = ["scipy>=1.0", "attrs; python_version >= '3.8'"]
        versioned = true
        dynlib_exclude = ["*.so.9"]

        [[applications]]
        name = "demo"
        frameworks = ["sci"]
        launch_module = "launch.py"
        support_modules = ["helpers"]
        requirements = []
        platforms = ["linux_x86_64"]
        """;

    private static readonly LockMetadata Lock = new("sha256:in", 2, "2025-01-02T03:04:05+00:00", "sha256:other", "sha256:req", "sha256:ver");
    private readonly SpecFiles _files = new();
    private readonly StackSpec _stack;
    private readonly string _lockFile;

    public LastBuildRecordTests()
    {
        _files.Touch("launch.py", "print('launch')\n");
        _files.Touch("helpers/__init__.py", "x = 1\n");
        _stack = _files.Load(Spec).Spec!;
        _lockFile = _files.Touch("requirements/app-demo/pylock.app-demo.toml", "lock-version = \"1.0\"\n");
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Application_record_has_venvstacks_spec_and_details_plus_our_fields()
    {
        var app = _stack.GetLayer("app-demo");
        var plan = PlanFor(app, TargetPlatform.LinuxX64);
        var filter = SourceTreeFilter.For(_files.Directory);
        var launch = Path.Combine(_files.Directory, "launch.py");
        var helpers = Path.Combine(_files.Directory, "helpers");
        var lockHash = "sha256:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_lockFile))).ToLowerInvariant();

        var record = LastBuildRecord.Create(app, plan, Lock, _lockFile);

        record.Json.ShouldBe($$"""
            {
              "layer_details": {
                "app_launch_module": "launch",
                "app_launch_module_hash": "{{ContentHashes.HashModule(launch, filter)}}",
                "app_support_modules": [
                  {
                    "hash": "{{ContentHashes.HashModule(helpers, filter)}}",
                    "name": "helpers"
                  }
                ],
                "bound_to_implementation": false,
                "install_target": "app-demo",
                "layer_name": "app-demo",
                "lock_version": 2,
                "locked_at": "2025-01-02T03:04:05+00:00",
                "python_implementation": "cpython@3.11.13",
                "required_layers": [
                  "framework-sci@4"
                ],
                "requirements_hash": "sha256:req",
                "runtime_layer": "cpython-3.11"
              },
              "layer_spec": {
                "dynlib_exclude": [],
                "frameworks": [
                  "sci"
                ],
                "launch_module_path": "{{launch.Replace('\\', '/')}}",
                "linux_target": "glibc@2.28",
                "macosx_target": "13.0",
                "name": "demo",
                "package_indexes": {},
                "platforms": [
                  "linux_x86_64"
                ],
                "priority_indexes": [],
                "requirements": [],
                "runtime": "cpython-3.11",
                "support_module_paths": [
                  "{{helpers.Replace('\\', '/')}}"
                ],
                "versioned": false
              },
              "venvstacks_sdk": {
                "format": 1,
                "lock_file_hash": "{{lockHash}}",
                "target_platform": "linux_x86_64"
              }
            }

            """);
    }

    [Fact]
    public void Framework_and_runtime_records_name_their_kind_s_fields()
    {
        var framework = _stack.GetLayer("framework-sci");
        var runtime = _stack.GetLayer("cpython-3.11");

        var frameworkJson = LastBuildRecord.Create(framework, PlanFor(framework, TargetPlatform.WinAmd64), Lock, _lockFile).Json;
        var runtimeJson = LastBuildRecord.Create(runtime, PlanFor(runtime, TargetPlatform.LinuxX64), Lock, _lockFile).Json;

        frameworkJson.ShouldContain("\"bound_to_implementation\": true", customMessage: "Windows layers copy the runtime's launcher");
        frameworkJson.ShouldContain("\"install_target\": \"framework-sci@4\"");
        frameworkJson.ShouldContain("\"requirements\": [\n      \"scipy>=1.0\",\n      \"attrs; python_version >= \\\"3.8\\\"\"\n    ]");
        frameworkJson.ShouldContain("\"dynlib_exclude\": [\n      \"*.so.9\"\n    ]");
        frameworkJson.ShouldContain("\"required_layers\": []");
        frameworkJson.ShouldContain("\"target_platform\": \"win_amd64\"");
        frameworkJson.ShouldNotContain("launch_module");
        runtimeJson.ShouldContain("\"python_implementation\": \"cpython@3.11.13\",\n    \"requirements\": [\n      \"numpy\"\n    ]");
        runtimeJson.ShouldContain("\"bound_to_implementation\": true");
        runtimeJson.ShouldNotContain("required_layers");
        runtimeJson.ShouldNotContain("\"frameworks\"");
    }

    [Fact]
    public async Task Needs_build_until_the_same_record_is_written_and_again_when_an_input_changes()
    {
        var app = _stack.GetLayer("app-demo");
        var plan = PlanFor(app, TargetPlatform.LinuxX64);
        var record = LastBuildRecord.Create(app, plan, Lock, _lockFile);

        record.NeedsBuild(plan).ShouldBeTrue("the layer folder does not exist");
        Directory.CreateDirectory(plan.Layer.EnvironmentPath);
        record.NeedsBuild(plan).ShouldBeTrue("nothing was recorded");
        await record.WriteAsync(plan, CancellationToken.None);
        record.NeedsBuild(plan).ShouldBeFalse();
        File.WriteAllText(plan.LastBuildPath, File.ReadAllText(plan.LastBuildPath).Replace("\n", "\r\n  ", StringComparison.Ordinal));
        record.NeedsBuild(plan).ShouldBeFalse("the comparison is of JSON values, not text");

        LastBuildRecord.Create(app, plan, Lock with { LockVersion = 3 }, _lockFile).NeedsBuild(plan).ShouldBeTrue("lock version changed");
        LastBuildRecord.Create(app, plan with { Platform = TargetPlatform.LinuxAarch64 }, Lock, _lockFile).NeedsBuild(plan).ShouldBeTrue("platform changed");
        File.AppendAllText(Path.Combine(_files.Directory, "helpers", "__init__.py"), "y = 2\n");
        LastBuildRecord.Create(app, plan, Lock, _lockFile).NeedsBuild(plan).ShouldBeTrue("a support module changed");
        File.WriteAllText(Path.Combine(_files.Directory, "helpers", "__init__.py"), "x = 1\n");
        LastBuildRecord.Create(app, plan, Lock, _lockFile).NeedsBuild(plan).ShouldBeFalse("the module is back as it was");
        File.AppendAllText(_lockFile, "# wheel URL edited\n");
        LastBuildRecord.Create(app, plan, Lock, _lockFile).NeedsBuild(plan).ShouldBeTrue("the lock file changed");
        File.WriteAllText(plan.LastBuildPath, "{ not json");
        record.NeedsBuild(plan).ShouldBeTrue("an unreadable record");
    }

    private LayerEnvironmentPlan PlanFor(LayerSpec layer, TargetPlatform platform) =>
        LayerEnvironmentPlan.FromSpec(
            layer,
            platform,
            Path.Combine(_files.Directory, "_build"),
            l => l.Versioned ? l.InstallTarget(4) : l.InstallTarget(null),
            SourceTreeFilter.For(_files.Directory));
}
