using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Sdk.Tests.Harness;

/// <summary>
/// The runtime archives made by build/make-test-runtime.sh are honest stand-ins for python-build-standalone
/// downloads: named and laid out like them, described by a table in the runtime table's format, relocatable, and
/// served over HTTP from the same folder.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TestRuntimeTests(TestRuntimesFixture fixture) : IClassFixture<TestRuntimesFixture>
{
    private static readonly Regex ArchiveName = new(
        @"^cpython-(?<version>\d+\.\d+\.\d+)\+(?<tag>\d{8})-(?<triple>[a-z0-9_]+-unknown-linux-gnu)-install_only_stripped\.tar\.gz$");

    [TestRuntimeFact]
    public void The_table_has_one_archive_per_python_keyed_by_exact_version_with_a_relative_url_and_sha256()
    {
        var runtimes = fixture.Runtimes;
        using var document = JsonDocument.Parse(File.ReadAllBytes(runtimes.DownloadsJson));

        document.RootElement.GetProperty("format").GetString().ShouldBe("python-build-standalone/v1");
        runtimes.Archives.Select(a => a.MinorVersion).ShouldBe(["3.12", "3.11"]);
        foreach (var archive in runtimes.Archives)
        {
            var name = ArchiveName.Match(archive.FileName);
            name.Success.ShouldBeTrue(archive.FileName);
            name.Groups["version"].Value.ShouldBe(archive.Version);
            name.Groups["tag"].Value.ShouldBe(archive.ReleaseTag);
            name.Groups["triple"].Value.ShouldBe(archive.Triple);
            archive.Variant.ShouldBe("install_only_stripped");
            archive.Platform.ShouldBe(archive.Triple.StartsWith("x86_64", StringComparison.Ordinal) ? "linux_x86_64" : "linux_aarch64");
            archive.Url.ShouldBe(archive.FileName.Replace("+", "%2B", StringComparison.Ordinal));
            new Uri(runtimes.DownloadsJsonUri, archive.Url).LocalPath.ShouldBe(archive.Path);
            Sha256(File.ReadAllBytes(archive.Path)).ShouldBe(archive.Sha256);
            archive.PythonImplementation.ShouldBe("cpython@" + archive.Version);
            document.RootElement.GetProperty("platforms").TryGetProperty(archive.Platform, out _).ShouldBeTrue();
        }

        Directory.EnumerateFiles(runtimes.Folder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.'))
            .ShouldBe([.. runtimes.Archives.Select(a => a.FileName), TestRuntimes.DownloadsFileName], ignoreOrder: true);
    }

    [TestRuntimeTheory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public async Task An_archive_extracts_to_one_python_folder_that_runs_after_being_moved(string minor)
    {
        var archive = fixture.Runtimes.For(minor);
        using var scratch = new ScratchFolder("runtime");
        var extracted = await ExtractAsync(archive, scratch.Combine("extracted"));

        Directory.EnumerateFileSystemEntries(extracted).Select(Path.GetFileName).ShouldBe(["python"]);
        var moved = scratch.Combine("elsewhere", "cpython@" + archive.Version);
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(Path.Combine(extracted, "python"), moved);

        var python = Path.Combine(moved, "bin", "python3");
        var output = (await ExternalProcess.RunAsync(python, ["-I", "-B", "-c", "import ssl, sqlite3, ctypes, venv, sys, platform; print(sys.prefix); print(platform.python_version())"],
            new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = null, ["PYTHONHOME"] = null, ["PYTHONPATH"] = null })).EnsureSuccess("the moved runtime");
        output.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([moved, archive.Version]);

        var venv = scratch.Combine("venv");
        (await ExternalProcess.RunAsync(python, ["-I", "-B", "-m", "venv", "--without-pip", venv])).EnsureSuccess("python -m venv");
        (await ExternalProcess.RunAsync(Path.Combine(venv, "bin", "python"), ["-I", "-B", "-c", "import sys; print(sys.base_prefix)"]))
            .EnsureSuccess("the venv").StandardOutput.Trim().ShouldBe(moved);
    }

    [TestRuntimeTheory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public async Task An_archive_has_the_python_build_standalone_layout_and_nothing_tied_to_this_machine(string minor)
    {
        var archive = fixture.Runtimes.For(minor);
        using var scratch = new ScratchFolder("layout");
        var root = Path.Combine(await ExtractAsync(archive, scratch.Path), "python");
        var stdlib = Path.Combine(root, "lib", "python" + minor);
        File.Exists(Path.Combine(root, "bin", "python3")).ShouldBeTrue();
        File.Exists(Path.Combine(root, "bin", "python" + minor)).ShouldBeTrue();
        Directory.Exists(Path.Combine(root, "include", "python" + minor)).ShouldBeTrue();
        File.Exists(Path.Combine(stdlib, "os.py")).ShouldBeTrue();
        Directory.Exists(Path.Combine(stdlib, "test")).ShouldBeFalse();
        Directory.EnumerateDirectories(root, "__pycache__", SearchOption.AllDirectories).ShouldBeEmpty();

        // Exactly what python-build-standalone ships in site-packages: pip, and setuptools up to 3.11.
        var distributions = Directory.EnumerateDirectories(Path.Combine(stdlib, "site-packages"), "*.dist-info")
            .Select(d => Path.GetFileName(d)!.Split('-')[0]).Order(StringComparer.Ordinal).ToArray();
        distributions.ShouldBe(minor == "3.11" ? ["pip", "setuptools"] : ["pip"]);
        var pip = await File.ReadAllLinesAsync(Path.Combine(root, "bin", "pip"));
        pip[0].ShouldBe("#!/bin/sh");
        pip[1].ShouldContain($"'python{minor}'");
        var record = await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(stdlib, "site-packages"), "RECORD", SearchOption.AllDirectories)
            .First(r => r.Contains("/pip-", StringComparison.Ordinal)));
        record.ShouldContain("../../../bin/pip,sha256=" + UrlSafeSha256(await File.ReadAllBytesAsync(Path.Combine(root, "bin", "pip"))));

        (await NativeElfInfo.ReadAsync(Path.Combine(root, "bin", "python" + minor))).Runpath.ShouldBe("$ORIGIN/../lib");
        // One readelf over every shared object: none may keep a search path outside the tree.
        var modules = Directory.EnumerateFiles(root, "*.so*", SearchOption.AllDirectories).Where(f => !new FileInfo(f).Attributes.HasFlag(FileAttributes.ReparsePoint)).ToArray();
        modules.Length.ShouldBeGreaterThan(20);
        var dynamic = (await ExternalProcess.RunAsync("readelf", ["-d", "-W", .. modules])).EnsureSuccess("readelf").StandardOutput;
        dynamic.Split('\n').Where(l => l.Contains("(RUNPATH)", StringComparison.Ordinal) || l.Contains("(RPATH)", StringComparison.Ordinal))
            .ShouldAllBe(l => l.Contains("[$ORIGIN", StringComparison.Ordinal));
    }

    [TestRuntimeFact]
    public async Task The_folder_is_a_mirror_over_http_whose_table_urls_resolve_against_the_table()
    {
        var runtimes = fixture.Runtimes;
        await using var server = runtimes.Serve();
        using var client = new HttpClient();
        var tableUri = server.UriOf(TestRuntimes.DownloadsFileName);

        using var document = JsonDocument.Parse(await client.GetByteArrayAsync(tableUri));
        var archive = runtimes.Archives[^1];
        var entry = document.RootElement.GetProperty("versions").GetProperty(archive.Version).GetProperty(archive.Platform);
        var archiveUri = new Uri(tableUri, entry.GetProperty("url").GetString());
        var bytes = await client.GetByteArrayAsync(archiveUri);

        Sha256(bytes).ShouldBe(entry.GetProperty("sha256").GetString());
        server.RequestsTo("/" + archive.FileName).ShouldHaveSingleItem().Status.ShouldBe(200);
        (await client.GetAsync(new Uri(server.BaseUri, "missing.tar.gz"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri(server.BaseUri, "%2E%2E/%2E%2E/etc/passwd"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, archiveUri))).Content.Headers.ContentLength.ShouldBe(new FileInfo(archive.Path).Length);
    }

    // Extracted with .NET's own tar reader, as the SDK will, not with the GNU tar that wrote the archive.
    private static async Task<string> ExtractAsync(TestRuntimeArchive archive, string folder)
    {
        Directory.CreateDirectory(folder);
        await using var gzip = new GZipStream(File.OpenRead(archive.Path), CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, folder, overwriteFiles: false);
        return folder;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string UrlSafeSha256(byte[] bytes) =>
        Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
