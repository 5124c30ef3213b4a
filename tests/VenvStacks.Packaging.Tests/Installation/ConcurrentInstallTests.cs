using VenvStacks.Packaging.Installation;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

public class ConcurrentInstallTests
{
    [Fact]
    public async Task Many_wheels_install_concurrently_into_one_environment()
    {
        using var target = new InstallTarget();
        // Shared folders (a namespace package, the scripts and data folders) and one file that every wheel ships.
        var paths = Enumerable.Range(0, 24).Select(i => new WheelBuilder($"part{i}", "1.0")
                .WithModule($"namespace_pkg/part{i}/__init__.py", $"INDEX = {i}\n")
                .WithModule("namespace_pkg/common/VERSION", "same in every wheel\n")
                .WithModule($"part{i}-1.0.data/scripts/part{i}", "#!python\n")
                .WithModule($"part{i}-1.0.data/data/share/parts/part{i}.txt", new string('x', i * 1000))
                .Build()
                .WriteTo(target.Wheels))
            .ToList();

        var results = await Task.WhenAll(paths.Select(p => Task.Run(() => target.InstallAsync(p, InstallTarget.Options with { ScriptShebang = "#!/env/bin/python" }))));

        InstalledDistribution.Enumerate(target.SitePackages).Count.ShouldBe(24);
        foreach (var result in results)
        {
            (await result.Distribution.IsIntactAsync()).ShouldBeTrue(result.Distribution.Name);
        }

        File.ReadAllText(Path.Combine(target.SitePackages, "namespace_pkg", "common", "VERSION")).ShouldBe("same in every wheel\n");
        Directory.GetFiles(Path.Combine(target.Root, "bin")).Length.ShouldBe(24);
        target.Contents().ShouldNotContain(p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_installs_and_uninstalls_leave_a_consistent_environment()
    {
        using var target = new InstallTarget();
        var wheels = Enumerable.Range(0, 12)
            .Select(i => new WheelBuilder($"mod{i}", "1.0").WithModule($"shared_pkg/mod{i}.py", "").WithModule($"mod{i}/__init__.py", "").Build().WriteTo(target.Wheels))
            .ToList();
        var first = await Task.WhenAll(wheels.Take(6).Select(p => target.InstallAsync(p)));

        await Task.WhenAll(
            first.Select(r => DistributionUninstaller.UninstallAsync(r.Distribution, target.Scheme, target.Root))
                .Cast<Task>()
                .Concat(wheels.Skip(6).Select(p => (Task)target.InstallAsync(p))));

        var left = InstalledDistribution.Enumerate(target.SitePackages);
        left.Select(d => d.Name).ShouldBe(Enumerable.Range(6, 6).Select(i => $"mod{i}"), ignoreOrder: true);
        foreach (var distribution in left)
        {
            (await distribution.IsIntactAsync()).ShouldBeTrue(distribution.Name);
        }

        Directory.GetFiles(Path.Combine(target.SitePackages, "shared_pkg")).Select(Path.GetFileName)
            .ShouldBe(Enumerable.Range(6, 6).Select(i => $"mod{i}.py"), ignoreOrder: true);
    }
}
