using System.Runtime.Versioning;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Runtimes;

// Test runtimes exist on Linux only (TestRuntimes.SkipReason); the checks use POSIX modes.
[UnsupportedOSPlatform("windows")]
public sealed class RuntimeLayerMaterializerTests(TestRuntimesFixture fixture) : RuntimeIntegrationTest(fixture)
{
    [TestRuntimeFact]
    public async Task On_one_file_system_files_are_hard_links_links_stay_links_and_the_layer_runs()
    {
        var cached = await ProvideAsync();
        var layer = Path.Combine(Scratch.Root, "obj", "build", "cpython-3.12");

        var result = await RuntimeLayerMaterializer.MaterializeAsync(cached.Directory, layer);

        result.Directory.ShouldBe(layer);
        result.CopiedFiles.ShouldBe(0);
        result.HardLinkedFiles.ShouldBe(FilesIn(cached.Directory));
        result.SymbolicLinks.ShouldBe(LinksIn(cached.Directory));
        var interpreter = Path.Combine(layer, cached.Layout.Interpreter);
        new FileInfo(interpreter).LinkTarget.ShouldBe(new FileInfo(cached.Interpreter).LinkTarget);
        (await InodeAsync(Path.Combine(layer, "lib", $"python{Runtimes.For("3.12").MinorVersion}", "os.py")))
            .ShouldBe(await InodeAsync(Path.Combine(cached.Directory, "lib", $"python{Runtimes.For("3.12").MinorVersion}", "os.py")));

        var run = await ExternalProcess.RunAsync(interpreter, ["-I", "-c", "import ssl, sqlite3, sys; print(sys.prefix)"]);
        run.ExitCode.ShouldBe(0, run.StandardError);
        run.StandardOutput.Trim().ShouldBe(layer);
    }

    [TestRuntimeFact]
    public async Task Copies_keep_exec_bits_times_and_links()
    {
        var cached = await ProvideAsync();
        var layer = Path.Combine(Scratch.Root, "layer");

        var result = await RuntimeLayerMaterializer.MaterializeAsync(cached.Directory, layer, new RuntimeMaterializeOptions { HardLinks = false });

        result.HardLinkedFiles.ShouldBe(0);
        result.CopiedFiles.ShouldBe(FilesIn(cached.Directory));
        foreach (var original in Directory.EnumerateFiles(cached.Directory, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null))
        {
            var copy = Path.Combine(layer, Path.GetRelativePath(cached.Directory, original));
            File.GetUnixFileMode(copy).ShouldBe(File.GetUnixFileMode(original), copy);
            File.GetLastWriteTimeUtc(copy).ShouldBe(File.GetLastWriteTimeUtc(original), copy);
        }

        (await InodeAsync(Path.Combine(layer, "bin", "python3"))).ShouldNotBe(await InodeAsync(cached.Interpreter));
        var run = await ExternalProcess.RunAsync(Path.Combine(layer, cached.Layout.Interpreter), ["-I", "-c", "import sys; print(sys.prefix)"]);
        run.StandardOutput.Trim().ShouldBe(layer);
    }

    [CrossFileSystemFact]
    public async Task Across_file_systems_files_are_copied()
    {
        var source = Directory.CreateTempSubdirectory("vstk-shm-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(source, "tool"), "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Combine(source, "tool"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.CreateSymbolicLink(Path.Combine(source, "tool-link"), "tool");
            var layer = Path.Combine(CrossFileSystemFactAttribute.OtherFileSystem, "vstk-layer-" + Guid.NewGuid().ToString("N"));
            try
            {
                var result = await RuntimeLayerMaterializer.MaterializeAsync(source, layer);

                (result.HardLinkedFiles, result.CopiedFiles, result.SymbolicLinks).ShouldBe((0, 1, 1));
                File.GetUnixFileMode(Path.Combine(layer, "tool")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
                new FileInfo(Path.Combine(layer, "tool-link")).LinkTarget.ShouldBe("tool");
            }
            finally
            {
                Directory.Delete(layer, recursive: true);
            }
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

    [TestRuntimeFact]
    public async Task An_existing_layer_is_refused_unless_replacing_and_a_canceled_copy_leaves_nothing()
    {
        var cached = await ProvideAsync();
        var layer = Path.Combine(Scratch.Root, "layer");
        Directory.CreateDirectory(layer);
        File.WriteAllText(Path.Combine(layer, "stale.txt"), "old build");

        var error = await Should.ThrowAsync<RuntimeException>(() => RuntimeLayerMaterializer.MaterializeAsync(cached.Directory, layer));
        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeLayerCopyFailed);
        error.Message.ShouldContain("already exists");

        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() =>
            RuntimeLayerMaterializer.MaterializeAsync(cached.Directory, layer, new RuntimeMaterializeOptions { ReplaceExisting = true }, canceled.Token));
        Directory.EnumerateFileSystemEntries(layer).Select(Path.GetFileName).ShouldBe(["stale.txt"]);

        await RuntimeLayerMaterializer.MaterializeAsync(cached.Directory, layer, new RuntimeMaterializeOptions { ReplaceExisting = true });

        File.Exists(Path.Combine(layer, "stale.txt")).ShouldBeFalse();
        File.Exists(Path.Combine(layer, cached.Layout.Interpreter)).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(Scratch.Root, ".layer.*").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_runtime_or_an_overlapping_layer_is_refused()
    {
        var missing = await Should.ThrowAsync<RuntimeException>(() => RuntimeLayerMaterializer.MaterializeAsync(Path.Combine(Scratch.Root, "none"), Path.Combine(Scratch.Root, "layer")));
        missing.Message.ShouldContain("does not exist");

        var overlap = await Should.ThrowAsync<RuntimeException>(() => RuntimeLayerMaterializer.MaterializeAsync(Scratch.Root, Path.Combine(Scratch.Root, "inside")));
        overlap.Descriptor.ShouldBe(DiagnosticCodes.RuntimeLayerCopyFailed);
        overlap.Message.ShouldContain("overlap");
    }

    private Task<ProvidedRuntime> ProvideAsync() => ProvideAsync(Runtimes.For("3.12"));

    private static int FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => new FileInfo(f).LinkTarget is null);

    private static int LinksIn(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Count(f => new FileInfo(f).LinkTarget is not null);

    private static async Task<string> InodeAsync(string path)
    {
        var stat = await ExternalProcess.RunAsync("stat", ["-c", "%d:%i", path]);
        stat.ExitCode.ShouldBe(0, stat.StandardError);
        return stat.StandardOutput.Trim();
    }
}
