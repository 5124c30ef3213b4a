using VenvStacks.Core.Archives;

namespace VenvStacks.Core.Tests.Archives;

public sealed class SafeArchiveExtractorTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public SafeArchiveExtractorTests() => Directory.CreateDirectory(_scratch["deploy"]);

    public static TheoryData<ArchiveFormat> Readers => TestArchives.Readers;

    public static TheoryData<ArchiveFormat> Tars => TestArchives.Tars;

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_dot_dot_entry_is_refused_before_anything_is_written(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.File("layer/ok.txt"), TestEntry.File("layer/../../evil.txt"), TestEntry.File("layer/after.txt"));

        var error = await Refused(archive, "VSTK4001");

        error.EntryName.ShouldBe("layer/../../evil.txt");
        error.Message.ShouldContain(archive);
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Absolute_names_and_drive_letters_are_refused(ArchiveFormat format)
    {
        (await Refused(Archive(format, TestEntry.File("/tmp/evil.txt")), "VSTK4001")).EntryName.ShouldBe("/tmp/evil.txt");
        (await Refused(Archive(format, TestEntry.File("C:/evil.txt")), "VSTK4001")).EntryName.ShouldBe("C:/evil.txt");
        (await Refused(Archive(format, TestEntry.File("layer\\..\\..\\evil.txt")), "VSTK4001")).EntryName.ShouldBe("layer\\..\\..\\evil.txt");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_link_out_of_the_boundary_is_refused(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.Folder("layer/bin"), TestEntry.Symlink("layer/bin/python", "../../../outside/python"));

        (await Refused(archive, "VSTK4002")).EntryName.ShouldBe("layer/bin/python");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task An_absolute_link_is_refused(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.Symlink("layer/python", "/usr/bin/python3"));

        (await Refused(archive, "VSTK4002")).Message.ShouldContain("absolute");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_layered_environment_link_to_a_sibling_layer_is_kept_when_the_deployment_folder_is_the_boundary(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.Folder("app/bin"), TestEntry.Symlink("app/bin/python", "../../cpython-3.11/bin/python"));
        var target = _scratch["deploy/app"];

        await SafeArchiveExtractor.ExtractAsync(archive, target, new ArchiveExtractOptions { StripComponents = 1, LinkBoundary = _scratch["deploy"] }, CancellationToken.None);

        new FileInfo(Path.Combine(target, "bin", "python")).LinkTarget.ShouldBe("../../cpython-3.11/bin/python");

        // The same archive with the target as boundary (a runtime's policy) is refused.
        (await Refused(archive, "VSTK4002", target: _scratch["deploy/app2"])).EntryName.ShouldBe("app/bin/python");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_file_below_a_link_of_the_archive_is_refused(ArchiveFormat format)
    {
        // "escape" points inside, so it passes; a file written through it would land wherever it points.
        var archive = Archive(format, TestEntry.Folder("layer/real"), TestEntry.Symlink("layer/escape", "real"), TestEntry.File("layer/escape/evil.txt"));

        (await Refused(archive, "VSTK4001")).EntryName.ShouldBe("layer/escape/evil.txt");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_chain_of_links_that_escapes_only_when_followed_is_refused(ArchiveFormat format)
    {
        // Each link looks harmless on its own: "deep/up" is "..", and "deep/up/.." seems to be "deep" by name alone,
        // but through the link it is the folder above the target.
        var archive = Archive(
            format,
            TestEntry.Folder("layer/deep"),
            TestEntry.Symlink("layer/deep/up", ".."),
            TestEntry.Symlink("layer/deep/way-out", "up/../.."),
            TestEntry.File("layer/after.txt"));

        (await Refused(archive, "VSTK4002")).EntryName.ShouldBe("layer/deep/way-out");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_link_whose_escape_depends_on_a_later_link_is_refused_before_any_link_exists(ArchiveFormat format)
    {
        // When "x/a" is read, "x/b" is not yet a link, so "b/../y" stays in "x" by name; "x/b" then turns out to be
        // "..", the top folder, and "b/.." the folder above it. Neither link on its own leaves the target.
        var archive = Archive(
            format,
            TestEntry.Folder("layer/x"),
            TestEntry.Symlink("layer/x/a", "b/../y"),
            TestEntry.Symlink("layer/x/b", ".."));

        var error = await Refused(archive, "VSTK4002");

        error.EntryName.ShouldBe("layer/x/a");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_link_loop_is_refused(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.Symlink("layer/a", "b/x"), TestEntry.Symlink("layer/b", "a/y"));

        (await Refused(archive, "VSTK4002")).Message.ShouldContain("40");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Tars))]
    public async Task A_hard_link_to_anything_but_an_earlier_file_is_refused(ArchiveFormat format)
    {
        (await Refused(Archive(format, TestEntry.HardLink("layer/passwd", "../../etc/passwd")), "VSTK4003")).EntryName.ShouldBe("layer/passwd");
        (await Refused(Archive(format, TestEntry.HardLink("layer/passwd", "/etc/passwd")), "VSTK4003")).EntryName.ShouldBe("layer/passwd");
        (await Refused(Archive(format, TestEntry.HardLink("layer/early", "layer/later"), TestEntry.File("layer/later")), "VSTK4003")).EntryName.ShouldBe("layer/early");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Tars))]
    public async Task A_hard_link_to_an_earlier_file_is_extracted_as_a_copy(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.File("layer/one.txt", "same\n", 0b111_101_101), TestEntry.HardLink("layer/two.txt", "layer/one.txt") with { Mode = 0b111_101_101 });

        await SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/layer"], new ArchiveExtractOptions { StripComponents = 1 }, CancellationToken.None);

        File.ReadAllText(_scratch["deploy/layer/two.txt"]).ShouldBe("same\n");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(_scratch["deploy/layer/two.txt"]).ShouldBe(File.GetUnixFileMode(_scratch["deploy/layer/one.txt"]));
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Fifo_entries_are_refused(ArchiveFormat format)
    {
        (await Refused(Archive(format, TestEntry.File("layer/ok.txt"), TestEntry.Special("layer/pipe", ArchiveEntryKind.Fifo)), "VSTK4004")).EntryName.ShouldBe("layer/pipe");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Device_entries_are_refused(ArchiveFormat format)
    {
        (await Refused(Archive(format, TestEntry.Special("layer/null", ArchiveEntryKind.CharacterDevice)), "VSTK4004")).EntryName.ShouldBe("layer/null");
        (await Refused(Archive(format, TestEntry.Special("layer/disk", ArchiveEntryKind.BlockDevice)), "VSTK4004")).EntryName.ShouldBe("layer/disk");
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Strip_drops_the_top_folder_and_modes_and_links_survive(ArchiveFormat format)
    {
        // A python-build-standalone "install_only" archive: everything under python/.
        var archive = Archive(
            format,
            TestEntry.Folder("python"),
            TestEntry.Folder("python/bin"),
            TestEntry.File("python/bin/python3.11", "#!binary\n", 0b111_101_101),
            TestEntry.Symlink("python/bin/python3", "python3.11"),
            TestEntry.File("python/lib/python3.11/os.py", "import sys\n", 0b110_100_100 | 0b000_010_010));

        var result = await SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/cpython-3.11"], new ArchiveExtractOptions { StripComponents = 1 }, CancellationToken.None);

        TreeSnapshot.Of(result.TargetDirectory).ShouldBe(TreeSnapshot.Expected(
        [
            SampleEntry.Folder("bin"),
            SampleEntry.Text("bin/python3.11", "#!binary\n", executable: true),
            SampleEntry.Link("bin/python3", "python3.11"),
            SampleEntry.Text("lib/python3.11/os.py", "import sys\n"),
        ]));
        result.Entries.ShouldBe(4);
        if (!OperatingSystem.IsWindows())
        {
            // Group and other write bits are not kept.
            File.GetUnixFileMode(_scratch["deploy/cpython-3.11/lib/python3.11/os.py"]).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_damaged_archive_is_a_coded_error_and_leaves_no_target(ArchiveFormat format)
    {
        var archive = Archive(format, TestEntry.File("layer/a.txt", new string('x', 100_000)), TestEntry.File("layer/b.txt", "b\n"));
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);

        (await Refused(archive, "VSTK4005")).Message.ShouldContain(archive);
        NothingExtracted();
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Bytes_of_another_format_are_a_coded_error(ArchiveFormat format)
    {
        var archive = _scratch["not-really" + ArchiveFormats.Extension(format)];
        File.WriteAllText(archive, string.Concat(Enumerable.Repeat("this is not an archive of any kind ", 40)));

        await Refused(archive, "VSTK4005");
        NothingExtracted();
    }

    [Fact]
    public async Task An_existing_target_is_refused_unless_replacement_is_asked_for()
    {
        var archive = Archive(ArchiveFormat.TarGz, TestEntry.File("layer/new.txt", "new\n"));
        Directory.CreateDirectory(_scratch["deploy/layer"]);
        File.WriteAllText(_scratch["deploy/layer/old.txt"], "old\n");

        (await Refused(archive, "VSTK4013")).EntryName.ShouldBeNull();
        File.Exists(_scratch["deploy/layer/old.txt"]).ShouldBeTrue();

        await SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/layer"], new ArchiveExtractOptions { StripComponents = 1, ReplaceExisting = true }, CancellationToken.None);

        TreeSnapshot.Of(_scratch["deploy/layer"]).ShouldBe(TreeSnapshot.Expected([SampleEntry.Text("new.txt", "new\n")]));
        _scratch.Names("deploy").ShouldBe(["layer"]);
    }

    [Fact]
    public async Task A_refused_replacement_keeps_the_existing_target()
    {
        var archive = Archive(ArchiveFormat.TarXz, TestEntry.File("layer/new.txt"), TestEntry.File("layer/../evil.txt"));
        Directory.CreateDirectory(_scratch["deploy/layer"]);
        File.WriteAllText(_scratch["deploy/layer/old.txt"], "old\n");

        await Should.ThrowAsync<ArchiveException>(() => SafeArchiveExtractor.ExtractAsync(
            archive, _scratch["deploy/layer"], new ArchiveExtractOptions { StripComponents = 1, ReplaceExisting = true }, CancellationToken.None));

        TreeSnapshot.Of(_scratch["deploy/layer"]).ShouldBe(TreeSnapshot.Expected([SampleEntry.Text("old.txt", "old\n")]));
        _scratch.Names("deploy").ShouldBe(["layer"]);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_canceled_extraction_leaves_no_target(ArchiveFormat format)
    {
        var archive = Archive(format, [.. Enumerable.Range(0, 20).Select(i => TestEntry.File($"layer/f{i}.txt", $"{i}\n"))]);
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var options = new ArchiveExtractOptions
        {
            StripComponents = 1,
            Include = _ =>
            {
                if (++seen == 10)
                {
                    cancel.Cancel();
                }

                return true;
            },
        };

        await Should.ThrowAsync<OperationCanceledException>(() => SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/layer"], options, cancel.Token));

        seen.ShouldBe(10);
        NothingExtracted();
    }

    [Fact]
    public async Task A_zip_without_unix_modes_as_windows_writes_them_extracts_files_and_folders()
    {
        var archive = _scratch["windows.zip"];
        using (var zip = System.IO.Compression.ZipFile.Open(archive, System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "layer/", "layer/Lib/", "layer/Lib/site.py", "layer/python.exe" })
            {
                var entry = zip.CreateEntry(name);
                entry.ExternalAttributes = name.EndsWith('/') ? 0x10 : 0x20;
                if (!name.EndsWith('/'))
                {
                    using var stream = entry.Open();
                    stream.Write("x"u8);
                }
            }
        }

        await SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/layer"], new ArchiveExtractOptions { StripComponents = 1 }, CancellationToken.None);

        TreeSnapshot.Of(_scratch["deploy/layer"]).ShouldBe(TreeSnapshot.Expected([SampleEntry.Text("Lib/site.py", "x"), SampleEntry.Text("python.exe", "x")]));
        (await ArchiveReader.ListAsync(archive, null, CancellationToken.None)).Select(e => (e.Kind, e.Mode)).ShouldBe(
        [
            (ArchiveEntryKind.Directory, 0b111_101_101),
            (ArchiveEntryKind.Directory, 0b111_101_101),
            (ArchiveEntryKind.File, 0b110_100_100),
            (ArchiveEntryKind.File, 0b110_100_100),
        ]);
    }

    [Fact]
    public async Task Include_skips_entries()
    {
        var archive = Archive(ArchiveFormat.Zip, TestEntry.File("layer/keep.txt", "keep\n"), TestEntry.File("layer/skip.txt"));

        await SafeArchiveExtractor.ExtractAsync(
            archive,
            _scratch["deploy/layer"],
            new ArchiveExtractOptions { StripComponents = 1, Include = e => !e.Name.EndsWith("skip.txt", StringComparison.Ordinal) },
            CancellationToken.None);

        TreeSnapshot.Of(_scratch["deploy/layer"]).ShouldBe(TreeSnapshot.Expected([SampleEntry.Text("keep.txt", "keep\n")]));
    }

    [Fact]
    public async Task Bad_options_are_coded_errors()
    {
        var archive = Archive(ArchiveFormat.Tar, TestEntry.File("layer/a.txt"));

        (await Should.ThrowAsync<ArchiveException>(() => SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/x"], new ArchiveExtractOptions { StripComponents = -1 }, CancellationToken.None)))
            .Descriptor.Code.ShouldBe("VSTK4012");
        (await Should.ThrowAsync<ArchiveException>(() => SafeArchiveExtractor.ExtractAsync(archive, _scratch["deploy/x"], new ArchiveExtractOptions { LinkBoundary = _scratch["elsewhere"] }, CancellationToken.None)))
            .Descriptor.Code.ShouldBe("VSTK4012");
        (await Should.ThrowAsync<ArchiveException>(() => SafeArchiveExtractor.ExtractAsync(_scratch["missing.tar"], _scratch["deploy/x"], ArchiveExtractOptions.Default, CancellationToken.None)))
            .Descriptor.Code.ShouldBe("VSTK4009");
        (await Should.ThrowAsync<ArchiveException>(() => SafeArchiveExtractor.ExtractAsync(_scratch["layer.7z"], _scratch["deploy/x"], ArchiveExtractOptions.Default, CancellationToken.None)))
            .Descriptor.Code.ShouldBe("VSTK4006");
        NothingExtracted();
    }

    private string Archive(ArchiveFormat format, params TestEntry[] entries) =>
        TestArchives.Write(_scratch[""], "archive-" + Guid.NewGuid().ToString("N")[..6], format, entries);

    private async Task<ArchiveException> Refused(string archive, string code, string? target = null)
    {
        var error = await Should.ThrowAsync<ArchiveException>(() => SafeArchiveExtractor.ExtractAsync(
            archive, target ?? _scratch["deploy/layer"], new ArchiveExtractOptions { StripComponents = 1 }, CancellationToken.None));
        error.Descriptor.Code.ShouldBe(code, error.Message);
        error.ArchivePath.ShouldBe(archive);
        return error;
    }

    // Nothing in the deployment folder (no target, no hidden staging folder) and nothing next to the scratch folder.
    private void NothingExtracted()
    {
        _scratch.Names("deploy").ShouldBeEmpty();
        File.Exists(_scratch["evil.txt"]).ShouldBeFalse();
        Directory.Exists(Path.Combine(Path.GetDirectoryName(_scratch.Path)!, "outside")).ShouldBeFalse();
    }
}
