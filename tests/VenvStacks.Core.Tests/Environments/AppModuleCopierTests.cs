using VenvStacks.Core.Environments;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>Launch and support modules copied into site-packages (docs/venvstacks-reference.md §3.7).</summary>
public sealed class AppModuleCopierTests : IDisposable
{
    private readonly BuildFolder _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public async Task File_and_package_modules_are_copied_and_pycache_left_out()
    {
        var launch = _build.Module("launch_pkg", ("__main__.py", "main"), ("sub/helper.py", "helper"), ("__pycache__/x.pyc", "cache"));
        var support = _build.Module("support.py");
        var plan = Plan() with { LaunchModule = launch, SupportModules = [support] };

        var copies = await AppModuleCopier.CopyAsync(plan, CancellationToken.None);

        var site = plan.Layout.SitePackages.Under(plan.Layer.EnvironmentPath);
        copies.ShouldBe([Path.Combine(site, "launch_pkg"), Path.Combine(site, "support.py")]);
        File.ReadAllText(Path.Combine(site, "launch_pkg", "__main__.py")).ShouldBe("main");
        File.ReadAllText(Path.Combine(site, "launch_pkg", "sub", "helper.py")).ShouldBe("helper");
        Directory.Exists(Path.Combine(site, "launch_pkg", "__pycache__")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(site, "support.py")).ShouldBe("print('hello')\n");
    }

    [Fact]
    public async Task A_fresh_copy_replaces_the_previous_one()
    {
        var launch = _build.Module("launch_pkg", ("__main__.py", "v1"), ("old.py", "old"));
        var plan = Plan() with { LaunchModule = launch };
        await AppModuleCopier.CopyAsync(plan, CancellationToken.None);
        File.Delete(Path.Combine(launch.FullPath, "old.py"));
        File.WriteAllText(Path.Combine(launch.FullPath, "__main__.py"), "v2");

        await AppModuleCopier.CopyAsync(plan, CancellationToken.None);

        var copy = Path.Combine(plan.Layout.SitePackages.Under(plan.Layer.EnvironmentPath), "launch_pkg");
        Directory.GetFiles(copy).Select(Path.GetFileName).ShouldBe(["__main__.py"]);
        File.ReadAllText(Path.Combine(copy, "__main__.py")).ShouldBe("v2");
    }

    [Fact]
    public async Task Inside_a_git_work_tree_ignored_files_are_not_copied()
    {
        Directory.CreateDirectory(Path.Combine(_build.Root, "src", ".git"));
        File.WriteAllText(Path.Combine(_build.Root, "src", ".gitignore"), "*.log\n");
        var launch = _build.Module("launch_pkg", ("__main__.py", "main"), ("debug.log", "log"), (".gitattributes", "x"));
        var plan = Plan() with { LaunchModule = launch, ModuleFilter = SourceTreeFilter.For(Path.Combine(_build.Root, "src")) };

        await AppModuleCopier.CopyAsync(plan, CancellationToken.None);

        var copy = Path.Combine(plan.Layout.SitePackages.Under(plan.Layer.EnvironmentPath), "launch_pkg");
        Directory.GetFiles(copy).Select(Path.GetFileName).ShouldBe(["__main__.py"]);
    }

    [Fact]
    public async Task A_module_gone_since_the_spec_was_read_is_a_coded_error()
    {
        var launch = _build.Module("launch.py");
        File.Delete(launch.FullPath);
        var plan = Plan() with { LaunchModule = launch };

        var error = await Should.ThrowAsync<LayerEnvironmentException>(() => AppModuleCopier.CopyAsync(plan, CancellationToken.None));

        error.Diagnostic.Code.ShouldBe("VSTK3045");
        error.Diagnostic.Location.ShouldBe(launch.Location);
        error.Message.ShouldContain("launch module 'launch.py'");
    }

    private LayerEnvironmentPlan Plan() =>
        BuildFolder.LayeredPlan(TargetPlatform.LinuxX64, LayerKind.Application, _build.Location("app-x"), _build.Location("cpython-3.11"));
}
