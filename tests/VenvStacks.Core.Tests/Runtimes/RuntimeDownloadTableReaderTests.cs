using System.Text;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Runtimes;

public class RuntimeDownloadTableReaderTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly Uri Base = new("http://127.0.0.1:8000/mirror/python-downloads.json");

    [Fact]
    public void Relative_urls_resolve_against_the_table_keeping_the_escaped_plus()
    {
        var table = Parse(Entry("linux_x86_64", "cpython-3.12.1%2B20990101-x86_64-unknown-linux-gnu-install_only_stripped.tar.gz"));

        var archive = table.Find("3.12.1", TargetPlatform.LinuxX64).ShouldNotBeNull();
        archive.Url.AbsoluteUri.ShouldBe("http://127.0.0.1:8000/mirror/cpython-3.12.1%2B20990101-x86_64-unknown-linux-gnu-install_only_stripped.tar.gz");
        archive.FileName.ShouldBe("cpython-3.12.1+20990101-x86_64-unknown-linux-gnu-install_only_stripped.tar.gz");
    }

    [Fact]
    public void A_relative_url_against_a_file_table_names_the_file_beside_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tables with space");
        var table = RuntimeDownloadTableReader.Parse(
            Bytes(Entry("linux_x86_64", "cpython-3.12.1%2B20990101-x.tar.gz")),
            "the runtime table t",
            new UriBuilder(Uri.UriSchemeFile, string.Empty, -1, Path.Combine(folder, "t.json")).Uri,
            null);

        table.Find("3.12.1", TargetPlatform.LinuxX64)!.Url.LocalPath.ShouldBe(Path.Combine(folder, "cpython-3.12.1+20990101-x.tar.gz"));
    }

    [Theory]
    [InlineData("{\"format\": \"python-build-standalone/v1\",\n \"versions\": {,}}", "not valid JSON (line 2)")]
    [InlineData("[]", "the document must be a JSON object")]
    [InlineData("{\"versions\": {}}", "\"format\" must be \"python-build-standalone/v1\"")]
    [InlineData("{\"format\": \"python-build-standalone/v1\"}", "no \"versions\" object")]
    public void Malformed_documents_are_refused_naming_the_table(string json, string expected)
    {
        var error = Should.Throw<RuntimeException>(() => RuntimeDownloadTableReader.Parse(Encoding.UTF8.GetBytes(json), "the runtime table /t.json", Base, "/t.json"));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeTableInvalid);
        error.Message.ShouldStartWith("Cannot use the runtime table /t.json: ");
        error.Message.ShouldContain(expected);
        error.File.ShouldBe("/t.json");
    }

    [Theory]
    [InlineData("\"linux_x64\": {}", "names the platform \"linux_x64\"")]
    [InlineData("\"linux_x86_64\": {\"variant\": \"pgo+lto-full\", \"url\": \"a.tar.zst\", \"sha256\": null}", "only install_only_stripped and install_only")]
    [InlineData("\"linux_x86_64\": {\"variant\": \"install_only\", \"url\": \"a.tar.gz\"}", "has no \"sha256\"")]
    [InlineData("\"linux_x86_64\": {\"variant\": \"install_only\", \"url\": \"a.tar.gz\", \"sha256\": \"abc\"}", "sha256 must be 64 hexadecimal digits")]
    [InlineData("\"linux_x86_64\": {\"variant\": \"install_only\", \"sha256\": null}", "url must be a non-empty string")]
    [InlineData("\"linux_x86_64\": {\"variant\": \"install_only\", \"url\": \"ftp://h/a.tar.gz\", \"sha256\": null}", "scheme \"ftp\"")]
    [InlineData("\"linux_x86_64\": {\"variant\": \"install_only\", \"url\": \"https://u:secret@h/a.tar.gz\", \"sha256\": null}", "contains credentials")]
    public void Entries_that_would_make_a_lookup_wrong_are_refused_with_their_json_path(string platforms, string expected)
    {
        var error = Should.Throw<RuntimeException>(() => Parse($"{{\"3.12.1\": {{{platforms}}}}}"));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeTableInvalid);
        error.Message.ShouldContain("versions[\"3.12.1\"]");
        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public void A_version_key_must_be_an_exact_version()
    {
        var error = Should.Throw<RuntimeException>(() => Parse("{\"3.12\": {}}"));

        error.Message.ShouldContain("\"3.12\", which is not an exact version");
    }

    [Fact]
    public void Relative_urls_need_a_base()
    {
        var error = Should.Throw<RuntimeException>(() => RuntimeDownloadTableReader.Parse(Bytes(Entry("linux_x86_64", "a.tar.gz")), "t", null, null));

        error.Message.ShouldContain("\"a.tar.gz\" is not an absolute URL.");
    }

    [Fact]
    public void Upper_case_digests_are_read_in_lower_case_and_unused_keys_are_ignored()
    {
        var json = $$$"""
            {"format": "python-build-standalone/v1", "source": {"anything": 1}, "missing": [],
             "freethreaded_only_versions_omitted": ["3.14.5"],
             "versions": {"3.12.1": {"win_arm64": {"variant": "install_only", "url": "https://h/a.tar.gz",
                                                  "sha256": "{{{Sha.ToUpperInvariant()}}}", "legacy_name": true, "size": 5
            """ + "}}}}";

        var table = RuntimeDownloadTableReader.Parse(Encoding.UTF8.GetBytes(json), "t", null, null);

        table.Find("3.12.1", TargetPlatform.WinArm64)!.Sha256.ShouldBe(Sha);
        table.FreeThreadedOnlyVersions.ShouldBe(["3.14.5"]);
    }

    private static string Entry(string platform, string url) =>
        $$$"""{"3.12.1": {"{{{platform}}}": {"variant": "install_only_stripped", "url": "{{{url}}}", "sha256": "{{{Sha}}}" """ + "}}}";

    private static byte[] Bytes(string versions) =>
        Encoding.UTF8.GetBytes("""{"format": "python-build-standalone/v1", "versions": """ + versions + "}");

    private static RuntimeDownloadTable Parse(string versions) =>
        RuntimeDownloadTableReader.Parse(Bytes(versions), "the runtime table /t.json", Base, "/t.json");
}
