using VenvStacks.Core.Publishing;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// With a versioned runtime the <c>bin/python_</c> link of every layer above it must name the runtime's deployed folder
/// (<c>cpython-3.11@1</c>), not its build folder (docs/venvstacks-reference.md §4.3 step 2): the one case published from
/// a staged copy. The result is as reproducible as any other, and no copy is left behind.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VersionedRuntimePublishTests
{
    private static readonly string Spec = PublishStack.DefaultSpec.Replace(
        "python_implementation = \"{python}\"\n",
        "python_implementation = \"{python}\"\nversioned = true\n",
        StringComparison.Ordinal);

    [TestRuntimeFact]
    public async Task Layers_link_to_the_runtimes_deployed_name_and_two_builds_give_the_same_archives()
    {
        using var stack = await PublishStack.CreateAsync(Spec);
        var buildA = await stack.BuildAsync("build-a");
        var buildB = await stack.BuildAsync("build-b", scrambled: true);
        var outA = stack.Folder("out-a");
        var outB = stack.Folder("out-b");

        var a = await PublishEngine.PublishAsync(stack.Request(buildA, outA), null, CancellationToken.None);
        var b = await PublishEngine.PublishAsync(stack.Request(buildB, outB), null, CancellationToken.None);

        a.Succeeded.ShouldBeTrue(string.Join("\n", a.Diagnostics));
        new FileInfo(Path.Combine(buildA, "app-demo", "bin", "python_")).LinkTarget.ShouldBe("../../cpython-3.11/bin/python");
        foreach (var name in new[] { "framework-base", "app-demo", "app-other" })
        {
            var layer = a.Layer(name);
            var entries = await PublishedArchives.EntriesAsync(layer.ArchivePath);
            entries.Single(e => e.Name == $"{layer.InstallTarget()}/bin/python_").LinkTarget.ShouldBe("../../cpython-3.11@1/bin/python");
            entries.Names().ShouldNotContain($"{layer.InstallTarget()}/pyvenv.cfg");
            entries.Names().ShouldContain($"{layer.InstallTarget()}/postinstall.py");
            PublishedArchives.Sha256(b.Layer(name).ArchivePath).ShouldBe(PublishedArchives.Sha256(layer.ArchivePath));
        }

        Path.GetFileName(a.Layer("cpython-3.11").ArchivePath).ShouldBe("cpython-3.11@1.tar.zst");
        Directory.EnumerateFileSystemEntries(outA).Select(Path.GetFileName).ShouldBe(
            ["__venvstacks__", "app-demo.tar.zst", "app-other.tar.zst", "cpython-3.11@1.tar.zst", "framework-base@1.tar.zst"], ignoreOrder: true);
    }
}
