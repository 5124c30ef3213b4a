using VenvStacks.Core.Archives;

namespace VenvStacks.Core.Tests.Archives;

/// <summary>
/// What this project writes, checked against the reference implementations: CPython's tarfile (what venvstacks uses),
/// xz-utils, GNU tar, Info-ZIP unzip and CPython's zipfile.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ArchiveConformanceTests : IDisposable
{
    private static readonly DateTimeOffset LockTime = new(2024, 5, 6, 7, 8, 10, TimeSpan.Zero);

    // The same entries and metadata through tarfile.add, which lists folders with sorted(os.listdir()).
    private const string TarfileScript = """
        import sys, tarfile
        source, root, output, mtime = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        def normalise(info):
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mtime = mtime
            info.mode = 0o755 if info.isdir() or info.issym() or info.mode & 0o111 else 0o644
            return info
        with tarfile.open(output, "w", format=tarfile.PAX_FORMAT) as archive:
            archive.add(source, root, filter=normalise)
        """;

    private const string ZipfileScript = """
        import sys, zipfile, stat
        with zipfile.ZipFile(sys.argv[1]) as archive:
            assert archive.testzip() is None
            for info in archive.infolist():
                mode = info.external_attr >> 16
                kind = "dir" if stat.S_ISDIR(mode) else "link" if stat.S_ISLNK(mode) else "file"
                print(info.filename, kind, oct(stat.S_IMODE(mode)), info.create_system, "%04d-%02d-%02dT%02d:%02d:%02d" % info.date_time, sep="|")
        """;

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [ToolFact("python")]
    public async Task Tar_bytes_are_those_cpython_tarfile_writes_for_the_same_entries()
    {
        // tarfile would store the hard-linked duplicates as hard links, which this project never writes.
        SampleTree.Create(_scratch["env"], TreeHistory.Other with { HardLinkDuplicates = false });
        File.WriteAllText(_scratch["tarfile.py"], TarfileScript);

        var ours = await WriteAsync(ArchiveFormat.Tar);
        var run = await ExternalTools.RunAsync(ExternalTools.Python!, ["-X", "utf8", "-I", _scratch["tarfile.py"], _scratch["env"], "layer", _scratch["python.tar"], LockTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        run.ExitCode.ShouldBe(0, run.Error);
        Digest(ours).ShouldBe(Digest(_scratch["python.tar"]));
    }

    [ToolFact("xz")]
    public async Task Xz_bytes_are_those_xz_utils_writes_at_the_same_preset_on_any_thread_count()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var tar = await WriteAsync(ArchiveFormat.Tar);
        var ours = await WriteAsync(ArchiveFormat.TarXz);

        var run = await ExternalTools.RunAsync("xz", ["-6", "-T3", "--stdout", tar], _scratch["cli.tar.xz"]);

        run.ExitCode.ShouldBe(0, run.Error);
        Digest(ours).ShouldBe(Digest(_scratch["cli.tar.xz"]));
    }

    [ToolFact("tar", "xz", "zstd", "gzip")]
    public async Task Gnu_tar_lists_and_extracts_every_compressed_tar_format()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var expected = (await ArchiveReader.ListAsync(await WriteAsync(ArchiveFormat.Tar), null, CancellationToken.None)).Select(e => e.Name).ToList();

        foreach (var format in new[] { ArchiveFormat.TarXz, ArchiveFormat.TarZst, ArchiveFormat.TarGz })
        {
            var archive = await WriteAsync(format);
            var list = await ExternalTools.RunAsync("tar", ["-tf", archive]);
            list.ExitCode.ShouldBe(0, list.Error);
            list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(expected);

            var target = _scratch["gnu-" + format];
            Directory.CreateDirectory(target);
            var extract = await ExternalTools.RunAsync("tar", ["-xf", archive, "-C", target, "--strip-components=1"]);
            extract.ExitCode.ShouldBe(0, extract.Error);
            TreeSnapshot.Of(target).ShouldBe(TreeSnapshot.Expected(SampleTree.Entries));
        }
    }

    [ToolFact("unzip", "python")]
    public async Task Unzip_and_cpython_zipfile_read_the_zip_with_its_modes_links_and_times()
    {
        SampleTree.Create(_scratch["env"], TreeHistory.Plain);
        var zip = await WriteAsync(ArchiveFormat.Zip);
        File.WriteAllText(_scratch["zipfile.py"], ZipfileScript);

        var test = await ExternalTools.RunAsync("unzip", ["-tq", zip]);
        test.ExitCode.ShouldBe(0, test.Output + test.Error);
        var target = _scratch["unzipped"];
        var extract = await ExternalTools.RunAsync("unzip", ["-q", zip, "-d", target]);
        extract.ExitCode.ShouldBe(0, extract.Output + extract.Error);
        TreeSnapshot.Of(Path.Combine(target, "layer")).ShouldBe(TreeSnapshot.Expected(SampleTree.Entries));

        // unzip takes the exact time from the extended-timestamp field, whatever the machine's time zone.
        File.GetLastWriteTimeUtc(Path.Combine(target, "layer", "bin", "tool")).ShouldBe(LockTime.UtcDateTime);

        var read = await ExternalTools.RunAsync(ExternalTools.Python!, ["-X", "utf8", "-I", _scratch["zipfile.py"], zip]);
        read.ExitCode.ShouldBe(0, read.Error);
        var lines = read.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("layer/|dir|0o755|3|2024-05-06T07:08:10");
        lines.ShouldContain("layer/bin/tool|file|0o755|3|2024-05-06T07:08:10");
        lines.ShouldContain("layer/bin/activate|file|0o644|3|2024-05-06T07:08:10");
        lines.ShouldContain("layer/bin/python|link|0o755|3|2024-05-06T07:08:10");
        lines.ShouldAllBe(line => line.EndsWith("|3|2024-05-06T07:08:10", StringComparison.Ordinal));
    }

    [ToolFact("unzip", "python")]
    public async Task Unzip_and_cpython_zipfile_follow_the_zip64_end_records_of_a_zip_with_70000_entries()
    {
        Directory.CreateDirectory(_scratch["env"]);
        var request = new ArchiveWriteRequest(_scratch["env"], "root", _scratch["many.zip"], ArchiveFormat.Zip, LockTime)
        {
            ExtraFiles = [.. Enumerable.Range(0, 70_000).Select(i => ArchiveExtraFile.FromBytes($"f{i:D5}", "x"u8.ToArray()))],
        };
        var zip = (await ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None)).Path;

        var test = await ExternalTools.RunAsync("unzip", ["-tq", zip]);
        test.ExitCode.ShouldBe(0, test.Output + test.Error);
        var count = await ExternalTools.RunAsync(ExternalTools.Python!, ["-I", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.infolist()))", zip]);
        count.ExitCode.ShouldBe(0, count.Error);
        count.Output.Trim().ShouldBe("70001");
    }

    private static string Digest(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private async Task<string> WriteAsync(ArchiveFormat format)
    {
        var request = new ArchiveWriteRequest(_scratch["env"], "layer", _scratch["ours" + ArchiveFormats.Extension(format)], format, LockTime);
        return (await ReproducibleArchiveWriter.WriteAsync(request, null, CancellationToken.None)).Path;
    }
}
