using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Tests.Archives;

public sealed class ReproducibleArchiveWriterTests : IDisposable
{
    private static readonly DateTimeOffset LockTime = new(2024, 5, 6, 7, 8, 10, TimeSpan.Zero);
    private static readonly byte[] PostInstall = "print('post-install')\n"u8.ToArray();

    private readonly ScratchFolder _scratch = new();

    public static TheoryData<ArchiveFormat> Writers => new(ArchiveFormat.TarXz, ArchiveFormat.TarZst, ArchiveFormat.TarGz, ArchiveFormat.Tar, ArchiveFormat.Zip);

    public static TheoryData<ArchiveFormat> Published => new(ArchiveFormat.TarXz, ArchiveFormat.TarZst, ArchiveFormat.Zip);

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Extracting_an_archive_gives_back_the_published_tree(ArchiveFormat format)
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);

        var result = await WriteAsync(_scratch["env"], format, "out");

        // Layers deploy side by side; the external link may point anywhere in the deployment folder.
        var deployed = _scratch["deploy/app-sample"];
        await SafeArchiveExtractor.ExtractAsync(result.Path, deployed, new ArchiveExtractOptions { StripComponents = 1, LinkBoundary = _scratch["deploy"] }, CancellationToken.None);

        TreeSnapshot.Of(deployed).ShouldBe(TreeSnapshot.Expected(SampleTree.Published.Append(SampleEntry.Binary("postinstall.py", PostInstall))));
        result.Size.ShouldBe(new FileInfo(result.Path).Length);
        result.Sha256.ShouldBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(result.Path))).ToLowerInvariant());
        result.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Same_content_with_another_history_gives_the_same_bytes(ArchiveFormat format)
    {
        // Other creation order, times, modes (umask 077 instead of 022), owner, and hard-linked duplicates.
        SampleTree.Create(_scratch["one/env"], TreeHistory.Plain);
        SampleTree.Create(_scratch["two/env"], TreeHistory.Other);

        var first = await WriteAsync(_scratch["one/env"], format, "one");
        var second = await WriteAsync(_scratch["two/env"], format, "two");

        second.Sha256.ShouldBe(first.Sha256);
        File.ReadAllBytes(second.Path).ShouldBe(File.ReadAllBytes(first.Path));
    }

    [Theory]
    [MemberData(nameof(Published))]
    public async Task Writing_again_later_gives_the_same_bytes(ArchiveFormat format)
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var first = await WriteAsync(_scratch["env"], format, "first");
        var bytes = File.ReadAllBytes(first.Path);

        // Touch everything: a later build of the same tree.
        foreach (var path in Directory.EnumerateFileSystemEntries(_scratch["env"], "*", SearchOption.AllDirectories).Where(p => new FileInfo(p).LinkTarget is null))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        }

        var second = await WriteAsync(_scratch["env"], format, "first");

        File.ReadAllBytes(second.Path).ShouldBe(bytes);
    }

    [Theory]
    [InlineData(ArchiveFormat.TarXz, 1)]
    [InlineData(ArchiveFormat.TarZst, 3)]
    public async Task The_thread_count_does_not_change_the_bytes(ArchiveFormat format, int level)
    {
        // Big enough for several compression blocks: xz preset 1 cuts 3 MiB blocks, zstd level 3 jobs of a few MiB.
        var random = new Random(7);
        Directory.CreateDirectory(_scratch["env"]);
        for (var i = 0; i < 6; i++)
        {
            var bytes = new byte[3_000_000];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = (byte)('a' + random.Next(8));
            }

            File.WriteAllBytes(_scratch[$"env/part{i}.bin"], bytes);
        }

        var one = await WriteAsync(_scratch["env"], format, "one", new ArchiveCompression(level, Threads: 1), extras: false);
        var four = await WriteAsync(_scratch["env"], format, "four", new ArchiveCompression(level, Threads: 4), extras: false);

        four.Sha256.ShouldBe(one.Sha256);

        // Several xz blocks or zstd frames read back as one stream.
        await SafeArchiveExtractor.ExtractAsync(four.Path, _scratch["back"], new ArchiveExtractOptions { StripComponents = 1 }, CancellationToken.None);
        TreeSnapshot.Of(_scratch["back"]).ShouldBe(TreeSnapshot.Of(_scratch["env"]));
    }

    [Theory]
    [InlineData(ArchiveFormat.TarXz)]
    [InlineData(ArchiveFormat.TarZst)]
    [InlineData(ArchiveFormat.Tar)]
    public async Task Every_tar_entry_has_the_given_time_root_ownership_and_a_canonical_mode(ArchiveFormat format)
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Other);

        var result = await WriteAsync(_scratch["env"], format, "out");
        var entries = await ArchiveReader.ListAsync(result.Path, null, CancellationToken.None);

        entries.ShouldAllBe(e => e.ModificationTime == LockTime);
        entries.ShouldAllBe(e => e.Owner == new ArchiveEntryOwner(0, 0, "root", "root"));
        entries.Where(e => e.Kind != ArchiveEntryKind.File).ShouldAllBe(e => e.Mode == 0b111_101_101);
        entries.Single(e => e.Name.EndsWith("/bin/tool", StringComparison.Ordinal)).Mode.ShouldBe(0b111_101_101);
        entries.Where(e => e.Kind == ArchiveEntryKind.File && !e.Name.EndsWith("/bin/tool", StringComparison.Ordinal)).ShouldAllBe(e => e.Mode == 0b110_100_100);

        // PAX records only where ustar cannot hold the name; never times of any kind.
        entries.SelectMany(e => e.ExtendedAttributes.Keys).Distinct().ShouldBe(["path"]);
        entries.Where(e => e.ExtendedAttributes.Count > 0).Select(e => e.Name).ShouldBe(
        [
            "layer/" + SampleTree.LongName,
            "layer/lib/python3.11/site-packages/d\u00e9j\u00e0-vu.txt",
            "layer/lib/python3.11/site-packages/order/\U0001D4B3.txt",
            "layer/lib/python3.11/site-packages/order/\uFF21.txt",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_zip_entry_has_the_given_time_and_unix_mode()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Other);

        var result = await WriteAsync(_scratch["env"], ArchiveFormat.Zip, "out");
        var entries = await ArchiveReader.ListAsync(result.Path, null, CancellationToken.None);

        entries.ShouldAllBe(e => e.ModificationTime == LockTime);
        entries.Single(e => e.Name == "layer/bin/python").Kind.ShouldBe(ArchiveEntryKind.SymbolicLink);
        entries.Single(e => e.Name == "layer/bin/python").LinkTarget.ShouldBe(SampleTree.ExternalLinkTarget);
        entries.Single(e => e.Name == "layer/bin/tool").Mode.ShouldBe(0b111_101_101);
        entries.Single(e => e.Name == "layer/bin/activate").Mode.ShouldBe(0b110_100_100);
        entries.Where(e => e.Kind == ArchiveEntryKind.Directory).ShouldAllBe(e => e.Mode == 0b111_101_101 && e.Name.EndsWith('/'));
    }

    [Fact]
    public async Task Zip_stores_the_utc_clock_in_dos_fields_whatever_the_time_zone()
    {
        // An odd second: DOS fields keep even seconds, rounded down.
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var odd = new DateTimeOffset(2024, 5, 6, 23, 59, 59, TimeSpan.FromHours(-5));

        var result = await ReproducibleArchiveWriter.WriteAsync(
            new ArchiveWriteRequest(_scratch["env"], "root", _scratch["odd.zip"], ArchiveFormat.Zip, odd), null, CancellationToken.None);
        var entries = await ArchiveReader.ListAsync(result.Path, null, CancellationToken.None);

        entries.ShouldAllBe(e => e.ModificationTime == new DateTimeOffset(2024, 5, 7, 4, 59, 58, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_gzip_header_has_no_time_and_no_operating_system_so_every_platform_writes_the_same_bytes()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);

        var result = await WriteAsync(_scratch["env"], ArchiveFormat.TarGz, "out");

        File.ReadAllBytes(result.Path)[..10].ShouldBe(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff });
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(result.Path), System.IO.Compression.CompressionMode.Decompress);
        using var tar = new MemoryStream();
        gzip.CopyTo(tar);
        tar.Length.ShouldBe(await UncompressedTarLengthAsync());
    }

    [Fact]
    public async Task Tar_entries_are_in_tarfile_order_and_zip_entries_in_os_walk_order()
    {
        Directory.CreateDirectory(_scratch["env/b/inner"]);
        Directory.CreateDirectory(_scratch["env/a"]);
        foreach (var file in new[] { "z.txt", "a/2.txt", "a/1.txt", "b/inner/x.txt", "b.txt", "B.txt", "\uFF21.txt", "\U0001D4B3.txt" })
        {
            File.WriteAllText(_scratch["env/" + file], file);
        }

        var tar = await ArchiveReader.ListAsync((await WriteAsync(_scratch["env"], ArchiveFormat.Tar, "o", extras: false)).Path, null, CancellationToken.None);
        var zip = await ArchiveReader.ListAsync((await WriteAsync(_scratch["env"], ArchiveFormat.Zip, "o", extras: false)).Path, null, CancellationToken.None);

        // Code-point order: 'B' < 'a' < 'b' < 'z' < U+FF21 < U+1D4B3 (UTF-16 order would put the last two the other way round).
        tar.Select(e => e.Name).ShouldBe(
        [
            "layer/", "layer/B.txt", "layer/a/", "layer/a/1.txt", "layer/a/2.txt", "layer/b/", "layer/b/inner/",
            "layer/b/inner/x.txt", "layer/b.txt", "layer/z.txt", "layer/\uFF21.txt", "layer/\U0001D4B3.txt",
        ]);
        zip.Select(e => e.Name).ShouldBe(
        [
            "layer/", "layer/a/", "layer/b/", "layer/B.txt", "layer/b.txt", "layer/z.txt", "layer/\uFF21.txt",
            "layer/\U0001D4B3.txt", "layer/a/1.txt", "layer/a/2.txt", "layer/b/inner/", "layer/b/inner/x.txt",
        ]);
    }

    [Fact]
    public async Task Extra_files_replace_files_of_the_same_path_and_bring_their_folders()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var replacement = "VALUE = 2\n"u8.ToArray();
        var fromDisk = _scratch["script.sh"];
        File.WriteAllText(fromDisk, "#!/bin/sh\n");
        var request = new ArchiveWriteRequest(_scratch["env"], "root", _scratch["out.tar"], ArchiveFormat.Tar, LockTime)
        {
            ExtraFiles =
            [
                ArchiveExtraFile.FromBytes("lib/python3.11/site-packages/pkg/__init__.py", replacement),
                ArchiveExtraFile.FromFile("share/new/deeper/run.sh", fromDisk, executable: true),
            ],
        };

        await ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None);
        await SafeArchiveExtractor.ExtractAsync(_scratch["out.tar"], _scratch["x"], new ArchiveExtractOptions { StripComponents = 1, LinkBoundary = _scratch[""] }, CancellationToken.None);

        File.ReadAllBytes(_scratch["x/lib/python3.11/site-packages/pkg/__init__.py"]).ShouldBe(replacement);
        File.ReadAllText(_scratch["x/share/new/deeper/run.sh"]).ShouldBe("#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            (File.GetUnixFileMode(_scratch["x/share/new/deeper/run.sh"]) & UnixFileMode.UserExecute).ShouldNotBe(default);
        }

        var names = (await ArchiveReader.ListAsync(_scratch["out.tar"], null, CancellationToken.None)).Select(e => e.Name).ToList();
        names.ShouldContain("root/share/new/");
        names.ShouldContain("root/share/new/deeper/");
        names.Count(n => n == "root/lib/python3.11/site-packages/pkg/__init__.py").ShouldBe(1);
    }

    [Fact]
    public async Task The_include_policy_prunes_whole_folders_and_sees_kinds_and_top_level_names()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var seen = new List<ArchiveSourceItem>();
        var request = new ArchiveWriteRequest(_scratch["env"], "root", _scratch["out.tar"], ArchiveFormat.Tar, LockTime)
        {
            Include = item =>
            {
                seen.Add(item);
                return SampleTree.PublishPolicy(item);
            },
        };

        await ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None);

        seen.ShouldContain(new ArchiveSourceItem("lib/python3.11/site-packages/pkg/__pycache__", ArchiveEntryKind.Directory));
        seen.ShouldContain(new ArchiveSourceItem("bin/python", ArchiveEntryKind.SymbolicLink));
        seen.ShouldContain(new ArchiveSourceItem(".top-level-dot-file", ArchiveEntryKind.File));
        seen.ShouldNotContain(i => i.RelativePath.Contains("__pycache__/", StringComparison.Ordinal), "an excluded folder's contents are not listed");
        seen.Single(i => i.RelativePath == ".top-level-dot-file").IsTopLevel.ShouldBeTrue();
        seen.Single(i => i.RelativePath == "lib/python3.11/site-packages/pkg/.nested-dot-file").IsTopLevel.ShouldBeFalse();
    }

    [Fact]
    public async Task Sockets_and_fifos_are_left_out_with_a_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_scratch["env"]);
        File.WriteAllText(_scratch["env/regular.txt"], string.Empty);
        PosixFiles.MakeFifo(_scratch["env/pipe"]);
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(_scratch["env/socket"]));

        var result = await WriteAsync(_scratch["env"], ArchiveFormat.Tar, "out", extras: false);

        result.Warnings.Select(w => (w.Code, w.Severity)).ShouldBe([("VSTK4011", DiagnosticSeverity.Warning), ("VSTK4011", DiagnosticSeverity.Warning)]);
        result.Warnings.ShouldContain(w => w.Message.Contains("Fifo", StringComparison.Ordinal));
        result.Warnings.ShouldContain(w => w.Message.Contains("Socket", StringComparison.Ordinal));
        (await ArchiveReader.ListAsync(result.Path, null, CancellationToken.None)).Select(e => e.Name).ShouldBe(["layer/", "layer/regular.txt"]);
    }

    [Fact]
    public async Task Progress_ends_with_the_uncompressed_and_written_sizes()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var reports = new List<ArchiveProgress>();

        var result = await ReproducibleArchiveWriter.WriteAsync(
            new ArchiveWriteRequest(_scratch["env"], "root", _scratch["out.tar"], ArchiveFormat.Tar, LockTime),
            new SynchronousProgress<ArchiveProgress>(reports.Add),
            CancellationToken.None);

        var last = reports[^1];
        last.BytesIn.ShouldBe(result.Size);
        last.BytesOut.ShouldBe(result.Size);
        last.Entries.ShouldBe(result.Entries);
        result.Entries.ShouldBe((await ArchiveReader.ListAsync(result.Path, null, CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_canceled_write_leaves_no_output_and_keeps_the_previous_archive(ArchiveFormat format)
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var output = _scratch["out/layer" + ArchiveFormats.Extension(format)];
        Directory.CreateDirectory(_scratch["out"]);
        File.WriteAllText(output, "previous archive");
        using var cancel = new CancellationTokenSource();
        var listed = 0;
        var request = new ArchiveWriteRequest(_scratch["env"], "root", output, format, LockTime)
        {
            // Cancels once writing is under way: the walk lists folders as it reaches them.
            Include = _ =>
            {
                if (++listed == 12)
                {
                    cancel.Cancel();
                }

                return true;
            },
        };

        await Should.ThrowAsync<OperationCanceledException>(() => ReproducibleArchiveWriter.WriteAsync(request, null, cancel.Token));

        _scratch.Names("out").ShouldBe(["layer" + ArchiveFormats.Extension(format)]);
        File.ReadAllText(output).ShouldBe("previous archive");
    }

    [Fact]
    public async Task A_zip_of_more_than_65535_entries_gets_zip64_end_records_that_readers_follow()
    {
        Directory.CreateDirectory(_scratch["env"]);
        var request = new ArchiveWriteRequest(_scratch["env"], "root", _scratch["many.zip"], ArchiveFormat.Zip, LockTime)
        {
            ExtraFiles = [.. Enumerable.Range(0, 70_000).Select(i => ArchiveExtraFile.FromBytes($"d{i % 7}/f{i:D5}", ReadOnlyMemory<byte>.Empty))],
        };

        var result = await ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None);

        result.Entries.ShouldBe(70_008);
        using var zip = System.IO.Compression.ZipFile.OpenRead(result.Path);
        zip.Entries.Count.ShouldBe(70_008);
        zip.Entries[^1].FullName.ShouldBe("root/d6/f69999");
    }

    [Fact]
    public async Task Bad_requests_are_coded_errors_before_anything_is_written()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        ArchiveWriteRequest Request(string root = "root", string? output = null, ArchiveFormat format = ArchiveFormat.TarXz) =>
            new(_scratch["env"], root, output ?? _scratch["out.tar.xz"], format, LockTime);

        (await Fails(Request(root: "a/b"))).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request(root: ".."))).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request(output: _scratch["env/inside.tar.xz"]))).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request() with { Compression = new ArchiveCompression(Level: 10) })).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request(format: ArchiveFormat.Zip) with { Timestamp = DateTimeOffset.UnixEpoch })).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request() with { ExtraFiles = [ArchiveExtraFile.FromBytes("../escape.py", PostInstall)] })).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request() with { ExtraFiles = [ArchiveExtraFile.FromBytes("bin/python3/x.py", PostInstall)] })).Descriptor.Code.ShouldBe("VSTK4012");
        (await Fails(Request() with { SourceDirectory = _scratch["missing"] })).Descriptor.Code.ShouldBe("VSTK4009");
        _scratch.Names().ShouldBe(["env"]);
    }

    [Fact]
    public void Formats_map_to_and_from_extensions()
    {
        foreach (var format in Enum.GetValues<ArchiveFormat>())
        {
            ArchiveFormats.FromPath("/x/layer@1" + ArchiveFormats.Extension(format)).ShouldBe(format);
        }

        ArchiveFormats.FromPath("cpython-3.11.tgz").ShouldBe(ArchiveFormat.TarGz);
        ArchiveFormats.FromPath("LAYER.TAR.XZ").ShouldBe(ArchiveFormat.TarXz);
        Should.Throw<ArchiveException>(() => ArchiveFormats.FromPath("layer.rar")).Descriptor.Code.ShouldBe("VSTK4006");
        Should.Throw<ArchiveException>(() => ArchiveFormats.FromPath(".tar")).Descriptor.Code.ShouldBe("VSTK4006");
    }

    private async Task<long> UncompressedTarLengthAsync() => (await WriteAsync(_scratch["env"], ArchiveFormat.Tar, "plain")).Size;

    private static async Task<ArchiveException> Fails(ArchiveWriteRequest request) =>
        await Should.ThrowAsync<ArchiveException>(() => ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None));

    private Task<ArchiveWriteResult> WriteAsync(string source, ArchiveFormat format, string name, ArchiveCompression? compression = null, bool extras = true)
    {
        var request = new ArchiveWriteRequest(source, "layer", _scratch[name + ArchiveFormats.Extension(format)], format, LockTime)
        {
            Include = extras ? SampleTree.PublishPolicy : null,
            ExtraFiles = extras ? [ArchiveExtraFile.FromBytes("postinstall.py", PostInstall)] : [],
            Compression = compression ?? ArchiveCompression.Default,
        };
        return ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts to the pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
