using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Runtimes;

[Trait("Category", "Integration")]
public sealed class RuntimeProviderTests(TestRuntimesFixture fixture) : IClassFixture<TestRuntimesFixture>, IDisposable
{
    private readonly RuntimeScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [TestRuntimeFact]
    public async Task A_table_file_gives_an_extracted_runtime_without_pip_whose_python_runs()
    {
        var runtime = fixture.Runtimes.For("3.12");
        var progress = new ProgressLog();
        using var client = _scratch.Client();

        var provided = await ProvideAsync(runtime, _scratch.Options(fixture.Runtimes.DownloadsJson), client, progress);

        provided.Extracted.ShouldBeTrue();
        provided.Version.ShouldBe(runtime.Version);
        provided.ArchiveSha256.ShouldBe(runtime.Sha256);
        provided.Directory.ShouldBe(Path.Combine(_scratch.RuntimesFolder, $"cpython-{runtime.Version}-{runtime.Platform}-{runtime.Sha256[..16]}", "python"));
        new Uri(provided.Source).LocalPath.ShouldBe(runtime.Path);
        progress.Kinds.ShouldBe([RuntimeProgressKind.ArchiveVerified, RuntimeProgressKind.Extracting, RuntimeProgressKind.Extracted]);
        progress.Reports[0].Bytes.ShouldBe(runtime.Size);

        provided.RemovedDistributions.ShouldNotBeEmpty();
        provided.RemovedDistributions.ShouldAllBe(d => d.StartsWith("pip ", StringComparison.Ordinal) || d.StartsWith("setuptools ", StringComparison.Ordinal));
        Directory.EnumerateDirectories(provided.SitePackages, "*.dist-info").ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(Path.Combine(provided.Directory, "bin"), "pip*").ShouldBeEmpty();
        File.Exists(provided.Interpreter).ShouldBeTrue();

        // -B: nothing is written into the shared cache by this check.
        var works = await ExternalProcess.RunAsync(provided.Interpreter, ["-B", "-I", "-c", "import ssl, sqlite3, sys; print(sys.prefix)"]);
        works.ExitCode.ShouldBe(0, works.StandardError);
        works.StandardOutput.Trim().ShouldBe(provided.Directory);
        var pip = await ExternalProcess.RunAsync(provided.Interpreter, ["-B", "-I", "-c", "import ssl, sqlite3; import pip"]);
        pip.ExitCode.ShouldNotBe(0);
        pip.StandardError.ShouldContain("No module named 'pip'");
    }

    [TestRuntimeFact]
    public async Task A_second_provider_reuses_the_cached_runtime()
    {
        var runtime = fixture.Runtimes.For("3.11");
        using var client = _scratch.Client();
        var first = await ProvideAsync(runtime, _scratch.Options(fixture.Runtimes.DownloadsJson), client, new ProgressLog());

        var progress = new ProgressLog();
        var again = await ProvideAsync(runtime, _scratch.Options(fixture.Runtimes.DownloadsJson), client, progress);

        again.Extracted.ShouldBeFalse();
        again.Directory.ShouldBe(first.Directory);
        again.RemovedDistributions.ShouldBe(first.RemovedDistributions);
        progress.Kinds.ShouldBe([RuntimeProgressKind.Reused]);
        progress.Reports[0].Message.ShouldBe($"Using cpython@{runtime.Version} for {runtime.Platform} from the runtime cache {first.Directory}");
    }

    [TestRuntimeFact]
    public async Task A_table_over_http_downloads_once_then_the_download_cache_and_the_runtime_cache_answer()
    {
        var runtime = fixture.Runtimes.For("3.12");
        await using var server = fixture.Runtimes.Serve();
        var table = server.UriOf(TestRuntimes.DownloadsFileName).AbsoluteUri;
        var archivePath = "/" + runtime.FileName;
        var progress = new ProgressLog();

        using (var client = _scratch.Client())
        {
            var provided = await ProvideAsync(runtime, _scratch.Options(table), client, progress);
            provided.Source.ShouldBe(server.UriOf(runtime.FileName).AbsoluteUri);
        }

        progress.Kinds.ShouldBe([RuntimeProgressKind.DownloadStarted, RuntimeProgressKind.Downloaded, RuntimeProgressKind.Extracting, RuntimeProgressKind.Extracted]);
        progress.Reports[0].Bytes.ShouldBe(runtime.Size);
        progress.Reports[0].Message.ShouldStartWith($"Downloading cpython@{runtime.Version} for {runtime.Platform} from {server.UriOf(runtime.FileName).AbsoluteUri} (");
        progress.Reports[1].Bytes.ShouldBe(runtime.Size);
        progress.Reports[1].Message.ShouldMatch(@"^Downloaded cpython@\S+ for \S+: [0-9]+\.[0-9] MB in [0-9]+\.[0-9] s$");
        server.RequestsTo(archivePath).Count.ShouldBe(1);

        // The runtime cache answers without the archive; a removed runtime comes back from the verified download cache.
        using (var client = _scratch.Client())
        {
            (await ProvideAsync(runtime, _scratch.Options(table), client, new ProgressLog())).Extracted.ShouldBeFalse();
            Directory.Delete(_scratch.EntryFor(runtime).Directory, recursive: true);
            var fromCache = new ProgressLog();
            (await ProvideAsync(runtime, _scratch.Options(table), client, fromCache)).Extracted.ShouldBeTrue();
            fromCache.Kinds[0].ShouldBe(RuntimeProgressKind.ArchiveVerified);
        }

        server.RequestsTo(archivePath).Count.ShouldBe(1);
        server.RequestsTo("/" + TestRuntimes.DownloadsFileName).Count.ShouldBe(3);
    }

    [TestRuntimeFact]
    public async Task A_user_table_entry_takes_precedence_over_the_embedded_pin()
    {
        // The embedded table pins real python-build-standalone releases this machine cannot download; a table naming
        // the test archive for one of them must win for that version and platform.
        var runtime = fixture.Runtimes.For("3.12");
        var pinned = RuntimeCatalog.Embedded.Resolve(Packaging.VenvstacksTargets.PythonImplementation.Parse("cpython@3.12.9"), RuntimeScratch.Platform(runtime));
        var table = RuntimeScratch.WriteTable(Path.Combine(_scratch.Root, "org"), runtime with { Version = "3.12.9" }, TestRuntimes.FileUri(runtime.Path).AbsoluteUri);
        using var client = _scratch.Client();

        var provider = new RuntimeProvider(_scratch.Options(table), client);
        var archive = await provider.ResolveAsync(Packaging.VenvstacksTargets.PythonImplementation.Parse("cpython@3.12.9"), RuntimeScratch.Platform(runtime));

        archive.Sha256.ShouldBe(runtime.Sha256);
        archive.Sha256.ShouldNotBe(pinned.Sha256);
        archive.Table.ShouldBe("the runtime table " + table);
        (await provider.ResolveAsync(Packaging.VenvstacksTargets.PythonImplementation.Parse("cpython@3.12.9"), Packaging.VenvstacksTargets.TargetPlatform.WinAmd64))
            .Sha256.ShouldBe(RuntimeCatalog.Embedded.Resolve(Packaging.VenvstacksTargets.PythonImplementation.Parse("cpython@3.12.9"), Packaging.VenvstacksTargets.TargetPlatform.WinAmd64).Sha256);
    }

    [TestRuntimeFact]
    public async Task A_mirror_folder_replaces_the_github_release_host()
    {
        var runtime = fixture.Runtimes.For("3.11");
        var mirror = MirrorFolder(runtime);
        var table = RuntimeScratch.WriteTable(Path.Combine(_scratch.Root, "org"), runtime, RuntimeScratch.ReleaseUrl(runtime));
        var progress = new ProgressLog();
        using var client = _scratch.Client();

        var provided = await ProvideAsync(runtime, _scratch.Options(table, mirror), client, progress);

        var mirrored = Path.Combine(mirror, runtime.ReleaseTag, runtime.FileName);
        new Uri(provided.Source).LocalPath.ShouldBe(mirrored);
        provided.Archive.Url.AbsoluteUri.ShouldBe(RuntimeScratch.ReleaseUrl(runtime));
        progress.Reports[0].Kind.ShouldBe(RuntimeProgressKind.ArchiveVerified);
        progress.Reports[0].Location.ShouldBe(mirrored);
        File.Exists(provided.Interpreter).ShouldBeTrue();
    }

    [TestRuntimeFact]
    public async Task A_mirror_folder_without_the_archive_is_a_download_failure_naming_the_file()
    {
        var runtime = fixture.Runtimes.For("3.11");
        var mirror = Directory.CreateDirectory(Path.Combine(_scratch.Root, "empty-mirror")).FullName;
        var table = RuntimeScratch.WriteTable(Path.Combine(_scratch.Root, "org"), runtime, RuntimeScratch.ReleaseUrl(runtime));
        using var client = _scratch.Client();

        var error = await Should.ThrowAsync<RuntimeException>(() => ProvideAsync(runtime, _scratch.Options(table, mirror), client, new ProgressLog()));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeDownloadFailed);
        error.File.ShouldBe(Path.Combine(mirror, runtime.ReleaseTag, runtime.FileName));
        error.Message.ShouldContain(error.File!);
        _scratch.CachedEntries().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_mirror_url_replaces_the_github_release_host()
    {
        var runtime = fixture.Runtimes.For("3.11");
        await using var server = LocalFileServer.Start(MirrorFolder(runtime));
        var table = RuntimeScratch.WriteTable(Path.Combine(_scratch.Root, "org"), runtime, RuntimeScratch.ReleaseUrl(runtime));
        var progress = new ProgressLog();
        using var client = _scratch.Client();

        var provided = await ProvideAsync(runtime, _scratch.Options(table, server.BaseUri.AbsoluteUri), client, progress);

        provided.Source.ShouldBe(server.UriOf($"{runtime.ReleaseTag}/{runtime.FileName}").AbsoluteUri);
        server.RequestsTo($"/{runtime.ReleaseTag}/{runtime.FileName}").Single().Status.ShouldBe(200);
        progress.Kinds.Take(2).ShouldBe([RuntimeProgressKind.DownloadStarted, RuntimeProgressKind.Downloaded]);
    }

    [TestRuntimeFact]
    public async Task A_corrupted_local_archive_is_a_hash_mismatch_and_nothing_is_cached()
    {
        var runtime = fixture.Runtimes.For("3.12");
        var table = CorruptedCopy(runtime);
        using var client = _scratch.Client();

        var error = await Should.ThrowAsync<RuntimeException>(() => ProvideAsync(runtime, _scratch.Options(table), client, new ProgressLog()));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeHashMismatch);
        error.Message.ShouldContain(runtime.Sha256);
        error.File.ShouldBe(Path.Combine(Path.GetDirectoryName(table)!, runtime.FileName));
        _scratch.CachedEntries().ShouldBeEmpty();
        _scratch.DownloadCacheFiles().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_corrupted_download_is_a_hash_mismatch_and_nothing_is_cached()
    {
        var runtime = fixture.Runtimes.For("3.12");
        var table = CorruptedCopy(runtime);
        await using var server = LocalFileServer.Start(Path.GetDirectoryName(table)!);
        using var client = _scratch.Client();

        var error = await Should.ThrowAsync<RuntimeException>(() =>
            ProvideAsync(runtime, _scratch.Options(server.UriOf("python-downloads.json").AbsoluteUri), client, new ProgressLog()));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeHashMismatch);
        error.Message.ShouldContain("Nothing was cached");
        _scratch.CachedEntries().ShouldBeEmpty();
        _scratch.DownloadCacheFiles().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_missing_archive_is_a_download_failure_naming_the_url()
    {
        var runtime = fixture.Runtimes.For("3.12");
        await using var server = LocalFileServer.Start(Directory.CreateDirectory(Path.Combine(_scratch.Root, "empty")).FullName);
        var table = RuntimeScratch.WriteTable(Path.Combine(_scratch.Root, "org"), runtime, server.UriOf("gone.tar.gz").AbsoluteUri);
        using var client = _scratch.Client();

        var error = await Should.ThrowAsync<RuntimeException>(() => ProvideAsync(runtime, _scratch.Options(table), client, new ProgressLog()));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeDownloadFailed);
        error.Message.ShouldContain("HTTP 404");
        error.Message.ShouldContain(server.UriOf("gone.tar.gz").AbsoluteUri);
        _scratch.CachedEntries().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task Offline_builds_use_what_is_cached_and_name_what_is_not()
    {
        var runtime = fixture.Runtimes.For("3.11");
        string table;
        await using (var server = fixture.Runtimes.Serve())
        {
            table = server.UriOf(TestRuntimes.DownloadsFileName).AbsoluteUri;
            using var online = _scratch.Client();
            await ProvideAsync(runtime, _scratch.Options(table), online, new ProgressLog());
        }

        // The server is gone: the table comes from the page cache, the runtime from the runtime cache.
        using var offline = _scratch.Client(offline: true);
        (await ProvideAsync(runtime, _scratch.Options(table), offline, new ProgressLog())).Extracted.ShouldBeFalse();

        var elsewhere = RuntimeScratch.WriteTable(Path.Combine(_scratch.Root, "org"), runtime with { Version = "3.11.99" }, "http://127.0.0.1:9/never-downloaded.tar.gz", new string('b', 64));
        var error = await Should.ThrowAsync<RuntimeException>(() => new RuntimeProvider(_scratch.Options(elsewhere), offline)
            .ProvideAsync(Packaging.VenvstacksTargets.PythonImplementation.Parse("cpython@3.11.99"), RuntimeScratch.Platform(runtime)));
        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeOfflineUnavailable);
        error.Message.ShouldContain("http://127.0.0.1:9/never-downloaded.tar.gz");
    }

    [TestRuntimeFact]
    public async Task An_unreadable_user_table_is_a_coded_error_naming_it()
    {
        var missing = Path.Combine(_scratch.Root, "nowhere", "table.json");
        using var client = _scratch.Client();

        var error = await Should.ThrowAsync<RuntimeException>(() =>
            ProvideAsync(fixture.Runtimes.For("3.12"), _scratch.Options(missing), client, new ProgressLog()));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeTableUnavailable);
        error.Message.ShouldContain(missing);
    }

    private static Task<ProvidedRuntime> ProvideAsync(TestRuntimeArchive runtime, RuntimeSourceOptions options, Packaging.Index.IndexClient client, ProgressLog progress) =>
        RuntimeProvider.ProvideAsync(RuntimeScratch.Implementation(runtime), RuntimeScratch.Platform(runtime), options, client, progress);

    // {mirror}/{release tag}/{file name}, as python-build-standalone's release assets are laid out.
    private string MirrorFolder(TestRuntimeArchive runtime)
    {
        var mirror = Path.Combine(_scratch.Root, "mirror");
        Directory.CreateDirectory(Path.Combine(mirror, runtime.ReleaseTag));
        File.Copy(runtime.Path, Path.Combine(mirror, runtime.ReleaseTag, runtime.FileName));
        return mirror;
    }

    // A copy of the archive with one byte changed, beside a table that gives the original's sha256.
    private string CorruptedCopy(TestRuntimeArchive runtime)
    {
        var folder = Path.Combine(_scratch.Root, "bad");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, runtime.FileName);
        File.Copy(runtime.Path, copy);
        using (var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var value = stream.ReadByte();
            stream.Position--;
            stream.WriteByte((byte)(value ^ 0xFF));
        }

        return RuntimeScratch.WriteTable(folder, runtime, runtime.Url);
    }
}
