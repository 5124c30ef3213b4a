using System.Text.Json.Nodes;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Publishing;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// Windows and macOS layers, built here by the real environment writer over a stand-in runtime and published for
/// their platform, checked structurally (docs/venvstacks-reference.md §4.2–§4.4): Windows gets zip archives without
/// links and layers bound to the runtime release; macOS gets tar.xz with the zsh wrapper naming deployed layers.
/// </summary>
public sealed class OtherPlatformPublishTests
{
    [Fact]
    public async Task Windows_layers_publish_as_zip_without_links_or_build_time_files()
    {
        using var stack = await PublishStack.CreateAsync(platform: TargetPlatform.WinAmd64);
        var build = await stack.BuildAsync("build");

        var result = await PublishEngine.PublishAsync(stack.Request(build, stack.Folder("out"), format: null) with { Compression = new ArchiveCompression(Level: 1) }, null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.Select(l => Path.GetFileName(l.ArchivePath)).ShouldBe(["cpython-3.11.zip", "framework-base@1.zip", "app-demo.zip", "app-other.zip"]);
        foreach (var layer in result.Layers)
        {
            var root = layer.InstallTarget();
            var entries = await PublishedArchives.EntriesAsync(layer.ArchivePath);
            entries.ShouldNotContain(e => e.Kind == ArchiveEntryKind.SymbolicLink);
            entries.Names().ShouldContain($"{root}/postinstall.py");
            entries.Names().ShouldNotContain($"{root}/pyvenv.cfg");
            entries.Names().ShouldNotContain(n => n.EndsWith("/sitecustomize.py", StringComparison.Ordinal));
            var metadata = JsonNode.Parse(layer.MetadataJson)!;
            metadata["target_platform"]!.GetValue<string>().ShouldBe("win_amd64");
            metadata["bound_to_implementation"]!.GetValue<bool>().ShouldBeTrue();
        }

        (await PublishedArchives.EntriesAsync(result.Layer("app-demo").ArchivePath)).Names().ShouldContain("app-demo/Scripts/python.exe");
    }

    [Fact]
    public async Task MacOS_layers_publish_as_tar_xz_with_the_zsh_wrapper_naming_deployed_layers()
    {
        using var stack = await PublishStack.CreateAsync(platform: TargetPlatform.MacOSArm64);
        var build = await stack.BuildAsync("build");
        var deployment = stack.Folder("deployment");

        var result = await PublishEngine.PublishAsync(stack.Request(build, stack.Folder("out"), format: null) with { Compression = new ArchiveCompression(Level: 0) }, null, CancellationToken.None);
        await PublishedArchives.DeployAsync(result, deployment);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.ShouldAllBe(l => l.ArchivePath.EndsWith(".tar.xz", StringComparison.Ordinal));
        var bin = Path.Combine(deployment, "app-demo", "bin");
        var wrapper = File.ReadAllText(Path.Combine(bin, "python"));
        wrapper.ShouldStartWith("#!/bin/zsh\n");
        wrapper.ShouldContain("add_dynlib_dir \"$script_dir/../../framework-base@1/share/venv/dynlib\"\nadd_dynlib_dir \"$script_dir/../../cpython-3.11/share/venv/dynlib\"\nexport DYLD_LIBRARY_PATH\n");
        new FileInfo(Path.Combine(bin, "python_")).LinkTarget.ShouldBe("../../cpython-3.11/bin/python");
        File.Exists(Path.Combine(bin, "python_")).ShouldBeTrue("the link resolves to the deployed runtime's python");
        JsonNode.Parse(result.Layer("app-demo").MetadataJson)!["bound_to_implementation"]!.GetValue<bool>().ShouldBeFalse();
    }
}
