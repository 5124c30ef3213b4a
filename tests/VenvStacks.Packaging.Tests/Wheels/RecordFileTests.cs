using System.Text;
using CsCheck;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Wheels;

public sealed class RecordFileTests
{
    private const string EmptySha256 = "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";
    private const string HelloSha256 = "WJG1tSLV3whtD_CxEPvZ0hu0_HFjrzTQgoai6Eb2vgM";

    [Fact]
    public void Rows_parse_into_path_hash_and_size_and_the_record_row_has_neither()
    {
        var record = RecordFile.Parse($"pkg/__init__.py,sha256={HelloSha256},6\npkg-1.0.dist-info/RECORD,,\n");

        record.Entries.ShouldBe([
            new RecordEntry("pkg/__init__.py", new RecordHash("sha256", HelloSha256), 6),
            new RecordEntry("pkg-1.0.dist-info/RECORD", null, null),
        ]);
        record.Find("pkg/__init__.py")!.Size.ShouldBe(6);
        record.Find("missing.py").ShouldBeNull();
    }

    [Fact]
    public void Writing_quotes_like_python_csv_with_lf_line_endings()
    {
        // Expected text produced by Python: csv.writer(f, lineterminator="\n").writerows(...)
        var record = new RecordFile([
            new RecordEntry("plain/path.py", new RecordHash("sha256", "abc"), null),
            new RecordEntry("with,comma.py", new RecordHash("sha256", "x"), 12),
            new RecordEntry("with\"quote.py", null, null),
            new RecordEntry("new\nline.py", null, null),
            new RecordEntry(" lead space.py", null, 1),
            new RecordEntry("tab\tpath", null, null),
            new RecordEntry("é/ü.py", null, null),
        ]);

        record.ToString().ShouldBe(
            "plain/path.py,sha256=abc,\n\"with,comma.py\",sha256=x,12\n\"with\"\"quote.py\",,\n\"new\nline.py\",,\n" +
            " lead space.py,,1\ntab\tpath,,\né/ü.py,,\n");
    }

    [Fact]
    public void A_carriage_return_in_a_path_is_quoted_so_that_it_reads_back()
    {
        var record = new RecordFile([new RecordEntry("cr\rpath", null, null)]);

        record.ToString().ShouldBe("\"cr\rpath\",,\n");
        RecordFile.Parse(record.ToString()).Entries.Single().Path.ShouldBe("cr\rpath");
    }

    [Fact]
    public void Reading_follows_python_csv_quirks()
    {
        var record = RecordFile.Parse("a,\"sha256=\"x,1\r\n\r\nq\"uote,,\n\"multi\nline\",,\n\"a\"\"b\",,");

        record.Entries.Select(e => e.Path).ShouldBe(["a", "q\"uote", "multi\nline", "a\"b"]);
        record.Entries[0].Hash.ShouldBe(new RecordHash("sha256", "x"));
    }

    [Theory]
    [InlineData("a,b\n", "expected 3 columns (path, hash, size), found 2")]
    [InlineData("a,b,c,d\n", "found 4")]
    [InlineData(",sha256=x,1\n", "empty path")]
    [InlineData("a,nohash,1\n", "hash 'nohash' is not 'algorithm=digest'")]
    [InlineData("a,sha256=,1\n", "hash 'sha256=' is not 'algorithm=digest'")]
    [InlineData("a,,-1\n", "size '-1' is not a non-negative integer")]
    [InlineData("a,,1.5\n", "size '1.5' is not a non-negative integer")]
    [InlineData("\"unterminated,,\n", "quoted field is not closed")]
    public void Broken_rows_are_format_errors(string text, string expected) =>
        Should.Throw<PackagingFormatException>(() => RecordFile.Parse(text)).Message.ShouldContain(expected);

    [Fact]
    public void Errors_point_at_the_offending_row()
    {
        const string text = "ok.py,,\nbad.py,,x\n";

        var error = Should.Throw<PackagingFormatException>(() => RecordFile.Parse(text));

        error.Message.ShouldContain("line 2");
        error.Position.ShouldBe(text.IndexOf("bad", StringComparison.Ordinal));
        error.Length.ShouldBe("bad.py,,x".Length);
    }

    [Fact]
    public void Content_matching_its_row_verifies()
    {
        var entry = new RecordEntry("hello.txt", new RecordHash("sha256", HelloSha256), 6);

        var result = entry.Verify("hello\n"u8);

        result.IsValid.ShouldBeTrue();
        result.ActualSize.ShouldBe(6);
        result.ActualHash.ShouldBe(new RecordHash("sha256", HelloSha256));
    }

    [Fact]
    public void Verification_reports_size_and_hash_mismatches()
    {
        var entry = new RecordEntry("hello.txt", new RecordHash("sha256", HelloSha256), 6);

        entry.Verify("hellO\n"u8).Status.ShouldBe(RecordVerificationStatus.HashMismatch);
        entry.Verify("hello"u8).Status.ShouldBe(RecordVerificationStatus.SizeMismatch);
        (entry with { Size = null }).Verify("hello\n"u8).Status.ShouldBe(RecordVerificationStatus.Valid);
    }

    [Fact]
    public void Rows_without_hash_or_with_a_forbidden_algorithm_cannot_be_verified()
    {
        new RecordEntry("RECORD", null, null).Verify("x"u8).Status.ShouldBe(RecordVerificationStatus.NotHashed);
        new RecordEntry("a", new RecordHash("md5", "abc"), null).Verify("x"u8).Status.ShouldBe(RecordVerificationStatus.UnsupportedAlgorithm);
        new RecordEntry("a", new RecordHash("md5", "abc"), 5).Verify("x"u8).Status.ShouldBe(RecordVerificationStatus.SizeMismatch);
    }

    [Theory]
    [InlineData("sha256", HelloSha256, true)]
    [InlineData("SHA256", HelloSha256, true)]
    [InlineData("sha256", HelloSha256 + "=", true)]
    [InlineData("sha512", "58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3-TH5Sq5B7dosKyB6NuEPi8uNRSI-VIePWzFufOO2vAGWKQ", true)]
    [InlineData("sha256", "WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM", false)]
    [InlineData("sha256", "not base64!", false)]
    [InlineData("sha256", EmptySha256, false)]
    public void Digests_are_compared_as_url_safe_base64(string algorithm, string digest, bool matches) =>
        new RecordEntry("hello.txt", new RecordHash(algorithm, digest), null).Verify("hello\n"u8).IsValid.ShouldBe(matches);

    [Fact]
    public async Task Stream_verification_and_entry_creation_agree_with_the_span_versions()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("hello\n"));
        var entry = await RecordEntry.ForContentAsync("hello.txt", content);

        entry.ShouldBe(RecordEntry.ForContent("hello.txt", "hello\n"u8));
        entry.Hash.ShouldBe(new RecordHash("sha256", HelloSha256));
        using var again = new MemoryStream(Encoding.UTF8.GetBytes("hello\n"));
        (await entry.VerifyAsync(again)).IsValid.ShouldBeTrue();
        RecordEntry.ForContent("empty", []).Hash!.Digest.ShouldBe(EmptySha256);
    }

    [Fact]
    public async Task Record_writes_to_a_stream_as_utf8_without_bom()
    {
        var record = new RecordFile([new RecordEntry("é.py", null, null)]);
        using var stream = new MemoryStream();

        await record.WriteAsync(stream);

        stream.ToArray().ShouldBe(Encoding.UTF8.GetBytes("é.py,,\n"));
    }

    [Fact]
    public void Any_record_reads_back_from_what_it_writes()
    {
        var path = Gen.String[Gen.Char[" ,\"\r\nab/é.-_"], 1, 12];
        var hash = Gen.Select(Gen.OneOf("sha256", "sha512"), Gen.String[Gen.Char["AZaz09-_"], 1, 10], (a, d) => new RecordHash(a, d));
        var entry = Gen.Select(path, hash.Null(), Gen.Long[0, 1_000_000].Nullable(), (p, h, s) => new RecordEntry(p, h, s));

        entry.List[0, 8].Sample(entries =>
            RecordFile.Parse(new RecordFile(entries).ToString()).Entries.ShouldBe(entries));
    }

    [MachineWheelsTheory]
    [MemberData(nameof(MachineWheels.All), MemberType = typeof(MachineWheels))]
    public void A_real_RECORD_writes_back_byte_for_byte(string wheelPath)
    {
        var bytes = MachineWheels.ReadDistInfoFile(wheelPath, "RECORD");

        var record = RecordFile.Parse(bytes);

        record.Entries.Count.ShouldBeGreaterThan(100);
        record.Entries[^1].Hash.ShouldBeNull();
        record.Entries[^1].Path.ShouldEndWith(".dist-info/RECORD");
        Encoding.UTF8.GetBytes(record.ToString()).ShouldBe(bytes);
    }

    [MachineWheelsTheory]
    [MemberData(nameof(MachineWheels.All), MemberType = typeof(MachineWheels))]
    public void Every_file_of_a_real_wheel_verifies_against_its_RECORD(string wheelPath)
    {
        var record = RecordFile.Parse(MachineWheels.ReadDistInfoFile(wheelPath, "RECORD"));
        var files = MachineWheels.ReadAllFiles(wheelPath);

        files.Select(f => f.Path).Order(StringComparer.Ordinal).ShouldBe(record.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        foreach (var (path, content) in files)
        {
            var expected = record.Find(path)!.Hash is null ? RecordVerificationStatus.NotHashed : RecordVerificationStatus.Valid;
            record.Find(path)!.Verify(content).Status.ShouldBe(expected, path);
        }
    }
}
