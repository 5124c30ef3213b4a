using VenvStacks.Core.Environments;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>The clean-up after every build (docs/venvstacks-reference.md §3.8).</summary>
public sealed class PortabilityCleanupTests : IDisposable
{
    private readonly BuildFolder _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public void Scripts_folder_keeps_only_python_entry_points()
    {
        var bin = Path.Combine(_build.BuildDirectory, "app", "bin");
        Directory.CreateDirectory(Path.Combine(bin, "pythonsub"));
        foreach (var name in new[] { "python", "python3", "Python3.11.exe", "python_", "pip", "activate", "Activate.ps1", "flask", "idle3" })
        {
            File.WriteAllText(Path.Combine(bin, name), name);
        }

        File.CreateSymbolicLink(Path.Combine(bin, "linked-dir"), Path.Combine(_build.Root));

        var removed = ScriptsPruner.Prune(bin);

        removed.Select(Path.GetFileName).ShouldBe(["Activate.ps1", "activate", "flask", "idle3", "linked-dir", "pip", "pythonsub"]);
        Directory.GetFileSystemEntries(bin).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["Python3.11.exe", "python", "python3", "python_"]);
        Directory.Exists(_build.Root).ShouldBeTrue();
    }

    [Fact]
    public async Task RECORD_files_lose_the_rows_of_removed_files_only()
    {
        var env = Path.Combine(_build.BuildDirectory, "app");
        var site = Path.Combine(env, "lib", "python3.11", "site-packages");
        var distInfo = Path.Combine(site, "tool-1.0.dist-info");
        Directory.CreateDirectory(distInfo);
        var original =
            "tool/__init__.py,sha256=abc,10\r\n"
            + "../../../bin/tool,sha256=def,20\r\n"
            + "..\\..\\..\\bin\\tool-gui,sha256=ghi,30\r\n"
            + "../../../bin/sub/inner,,\r\n"
            + "\"../../../bin/python3\",,\r\n"
            + "tool-1.0.dist-info/RECORD,,\r\n";
        File.WriteAllText(Path.Combine(distInfo, "RECORD"), original);
        var untouched = Path.Combine(site, "other-2.0.dist-info", "RECORD");
        Directory.CreateDirectory(Path.GetDirectoryName(untouched)!);
        File.WriteAllText(untouched, "other/__init__.py,,\r\n");
        var bin = Path.Combine(env, "bin");
        string[] removed = [Path.Combine(bin, "tool"), Path.Combine(bin, "tool-gui"), Path.Combine(bin, "sub")];

        var rewritten = await InstalledRecordRewriter.RewriteAsync(site, removed, CancellationToken.None);

        rewritten.ShouldBe([Path.Combine(distInfo, "RECORD")]);
        File.ReadAllText(Path.Combine(distInfo, "RECORD")).ShouldBe(
            "tool/__init__.py,sha256=abc,10\n"
            + "../../../bin/python3,,\n"
            + "tool-1.0.dist-info/RECORD,,\n");
        File.ReadAllText(untouched).ShouldBe("other/__init__.py,,\r\n");
    }

    [Fact]
    public async Task An_unreadable_RECORD_is_a_coded_error_with_its_line()
    {
        var site = Path.Combine(_build.BuildDirectory, "app", "lib", "python3.11", "site-packages");
        var record = Path.Combine(site, "bad-1.0.dist-info", "RECORD");
        Directory.CreateDirectory(Path.GetDirectoryName(record)!);
        File.WriteAllText(record, "ok.py,,\nbroken-row\n");

        var error = await Should.ThrowAsync<LayerEnvironmentException>(
            () => InstalledRecordRewriter.RewriteAsync(site, [Path.Combine(site, "x")], CancellationToken.None));

        error.Diagnostic.Code.ShouldBe("VSTK3044");
        error.Diagnostic.Location!.File.ShouldBe(record);
        error.Diagnostic.Location.Line.ShouldBe(2);
    }

    [Fact]
    public async Task Absolute_links_inside_the_build_folder_become_relative_and_relative_ones_stay()
    {
        var env = Path.Combine(_build.BuildDirectory, "app");
        var runtimePython = Path.Combine(_build.BuildDirectory, "cpython-3.11", "bin", "python3.11");
        Directory.CreateDirectory(Path.GetDirectoryName(runtimePython)!);
        File.WriteAllText(runtimePython, "python");
        var bin = Path.Combine(env, "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "python_"), runtimePython);
        File.CreateSymbolicLink(Path.Combine(bin, "python3"), "python");

        var (relative, replaced) = await SymlinkPortability.ConvertAsync(env, _build.BuildDirectory, CancellationToken.None);

        relative.ShouldBe([Path.Combine(bin, "python_")]);
        replaced.ShouldBeEmpty();
        new FileInfo(Path.Combine(bin, "python_")).LinkTarget.ShouldBe("../../cpython-3.11/bin/python3.11");
        new FileInfo(Path.Combine(bin, "python3")).LinkTarget.ShouldBe("python");
    }

    [Fact]
    public async Task Links_to_outside_the_build_folder_become_hard_links_to_the_final_target()
    {
        var env = Path.Combine(_build.BuildDirectory, "app");
        var outside = Path.Combine(_build.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "libreal.so.1"), "library bytes");
        File.CreateSymbolicLink(Path.Combine(outside, "libreal.so"), "libreal.so.1");
        var lib = Path.Combine(env, "lib");
        Directory.CreateDirectory(lib);
        var link = Path.Combine(lib, "libreal.so");
        File.CreateSymbolicLink(link, Path.Combine(outside, "libreal.so"));

        var (_, replaced) = await SymlinkPortability.ConvertAsync(env, _build.BuildDirectory, CancellationToken.None);

        replaced.ShouldBe([link]);
        new FileInfo(link).LinkTarget.ShouldBeNull();
        File.ReadAllText(link).ShouldBe("library bytes");
        File.AppendAllText(Path.Combine(outside, "libreal.so.1"), " changed");
        File.ReadAllText(link).ShouldBe("library bytes changed", "a hard link shares the target's data");
    }

    [Fact]
    public async Task A_dangling_link_to_outside_the_build_folder_is_a_coded_error()
    {
        var env = Path.Combine(_build.BuildDirectory, "app");
        Directory.CreateDirectory(env);
        File.CreateSymbolicLink(Path.Combine(env, "gone"), Path.Combine(_build.Root, "missing"));

        var error = await Should.ThrowAsync<LayerEnvironmentException>(
            () => SymlinkPortability.ConvertAsync(env, _build.BuildDirectory, CancellationToken.None));

        error.Diagnostic.Code.ShouldBe("VSTK3046");
        FileSystemEntries.IsLink(Path.Combine(env, "gone")).ShouldBeTrue();
    }

    [Fact]
    public void RealPath_resolves_links_in_folders_and_files()
    {
        var real = Path.Combine(_build.Root, "real", "bin");
        Directory.CreateDirectory(real);
        File.WriteAllText(Path.Combine(real, "python3.11"), "x");
        File.CreateSymbolicLink(Path.Combine(real, "python"), "python3.11");
        Directory.CreateSymbolicLink(Path.Combine(_build.Root, "alias"), "real");

        FileSystemEntries.RealPath(Path.Combine(_build.Root, "alias", "bin", "python"))
            .ShouldBe(Path.Combine(FileSystemEntries.RealPath(_build.Root), "real", "bin", "python3.11"));
    }
}
