using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Runtimes;

public sealed class RuntimeProviderTests(TestRuntimesFixture fixture) : RuntimeIntegrationTest(fixture)
{
    [TestRuntimeFact]
    public async Task A_table_file_gives_an_extracted_runtime_without_pip_whose_python_runs()
    {
        var runtime = Runtimes.For("3.12");
        var progress = new ProgressLog();

        var provided = await ProvideAsync(runtime, progress: progress);

        provided.Extracted.ShouldBeTrue();
        provided.Version.ShouldBe(runtime.Version);
        provided.ArchiveSha256.ShouldBe(runtime.Sha256);
        provided.Directory.ShouldBe(Path.Combine(Scratch.RuntimesFolder, $"cpython-{runtime.Version}-{runtime.Platform}-{runtime.Sha256[..16]}", "python"));
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
        var runtime = Runtimes.For("3.11");
        var first = await ProvideAsync(runtime);

        var progress = new ProgressLog();
        var again = await ProvideAsync(runtime, progress: progress);

        again.Extracted.ShouldBeFalse();
        again.Directory.ShouldBe(first.Directory);
        again.RemovedDistributions.ShouldBe(first.RemovedDistributions);
        progress.Kinds.ShouldBe([RuntimeProgressKind.Reused]);
        progress.Reports[0].Message.ShouldBe($"Using cpython@{runtime.Version} for {runtime.Platform} from the runtime cache {first.Directory}");
    }

    [TestRuntimeFact]
    public async Task A_table_over_http_downloads_once_then_the_download_cache_and_the_runtime_cache_answer()
    {
        var runtime = Runtimes.For("3.12");
        await using var server = Runtimes.Serve();
        var table = server.UriOf(TestRuntimes.DownloadsFileName).AbsoluteUri;
        var archivePath = "/" + runtime.FileName;
        var progress = new ProgressLog();

        var provided = await ProvideAsync(runtime, Scratch.Options(table), progress);

        provided.Source.ShouldBe(server.UriOf(runtime.FileName).AbsoluteUri);

        progress.Kinds.ShouldBe([RuntimeProgressKind.DownloadStarted, RuntimeProgressKind.Downloaded, RuntimeProgressKind.Extracting, RuntimeProgressKind.Extracted]);
        progress.Reports[0].Bytes.ShouldBe(runtime.Size);
        progress.Reports[0].Message.ShouldStartWith($"Downloading cpython@{runtime.Version} for {runtime.Platform} from {server.UriOf(runtime.FileName).AbsoluteUri} (");
        progress.Reports[1].Bytes.ShouldBe(runtime.Size);
        progress.Reports[1].Message.ShouldMatch(@"^Downloaded cpython@\S+ for \S+: [0-9]+\.[0-9] MB in [0-9]+\.[0-9] s$");
        server.RequestsTo(archivePath).Count.ShouldBe(1);

        // The runtime cache answers without the archive; a removed runtime comes back from the verified download cache.
        (await ProvideAsync(runtime, Scratch.Options(table))).Extracted.ShouldBeFalse();
        Directory.Delete(Scratch.EntryFor(runtime).Directory, recursive: true);
        var fromCache = new ProgressLog();
        (await ProvideAsync(runtime, Scratch.Options(table), fromCache)).Extracted.ShouldBeTrue();
        fromCache.Kinds[0].ShouldBe(RuntimeProgressKind.ArchiveVerified);

        server.RequestsTo(archivePath).Count.ShouldBe(1);
        server.RequestsTo("/" + TestRuntimes.DownloadsFileName).Count.ShouldBe(3);
    }

    [TestRuntimeFact]
    public async Task A_user_table_entry_takes_precedence_over_the_embedded_pin()
    {
        // The embedded table pins real python-build-standalone releases this machine cannot download; a table naming
        // the test archive for one of them wins for that version and platform, and only for those.
        var runtime = Runtimes.For("3.12") with { Version = "3.12.9" };
        var implementation = PythonImplementation.Parse("cpython@3.12.9");
        var table = RuntimeScratch.WriteTable(Path.Combine(Scratch.Root, "org"), runtime, TestRuntimes.FileUri(runtime.Path).AbsoluteUri);
        using var client = Scratch.Client();
        var provider = new RuntimeProvider(Scratch.Options(table), client);

        var provided = await provider.ProvideAsync(implementation, RuntimeScratch.Platform(runtime));

        provided.ArchiveSha256.ShouldBe(runtime.Sha256);
        provided.ArchiveSha256.ShouldNotBe(RuntimeCatalog.Embedded.Resolve(implementation, RuntimeScratch.Platform(runtime)).Sha256);
        provided.Archive.Table.ShouldBe("the runtime table " + table);
        File.Exists(provided.Interpreter).ShouldBeTrue();
        (await provider.ResolveAsync(implementation, TargetPlatform.WinAmd64))
            .ShouldBe(RuntimeCatalog.Embedded.Resolve(implementation, TargetPlatform.WinAmd64));
    }

    [TestRuntimeFact]
    public async Task A_mirror_folder_replaces_the_github_release_host()
    {
        var runtime = Runtimes.For("3.11");
        var mirror = MirrorFolder(runtime);
        var table = RuntimeScratch.WriteTable(Path.Combine(Scratch.Root, "org"), runtime, RuntimeScratch.ReleaseUrl(runtime));
        var progress = new ProgressLog();

        var provided = await ProvideAsync(runtime, Scratch.Options(table, mirror), progress);

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
        var runtime = Runtimes.For("3.11");
        var mirror = Directory.CreateDirectory(Path.Combine(Scratch.Root, "empty-mirror")).FullName;
        var table = RuntimeScratch.WriteTable(Path.Combine(Scratch.Root, "org"), runtime, RuntimeScratch.ReleaseUrl(runtime));

        var error = await Should.ThrowAsync<RuntimeException>(() => ProvideAsync(runtime, Scratch.Options(table, mirror)));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeDownloadFailed);
        error.File.ShouldBe(Path.Combine(mirror, runtime.ReleaseTag, runtime.FileName));
        error.Message.ShouldContain(error.File!);
        Scratch.CachedEntries().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_mirror_url_replaces_the_github_release_host()
    {
        var runtime = Runtimes.For("3.11");
        await using var server = LocalFileServer.Start(MirrorFolder(runtime));
        var table = RuntimeScratch.WriteTable(Path.Combine(Scratch.Root, "org"), runtime, RuntimeScratch.ReleaseUrl(runtime));
        var progress = new ProgressLog();

        var provided = await ProvideAsync(runtime, Scratch.Options(table, server.BaseUri.AbsoluteUri), progress);

        provided.Source.ShouldBe(server.UriOf($"{runtime.ReleaseTag}/{runtime.FileName}").AbsoluteUri);
        server.RequestsTo($"/{runtime.ReleaseTag}/{runtime.FileName}").Single().Status.ShouldBe(200);
        progress.Kinds.Take(2).ShouldBe([RuntimeProgressKind.DownloadStarted, RuntimeProgressKind.Downloaded]);
    }

    [TestRuntimeFact]
    public async Task A_corrupted_local_archive_is_a_hash_mismatch_and_nothing_is_cached()
    {
        var runtime = Runtimes.For("3.12");
        var table = CorruptedCopy(runtime);

        var error = await Should.ThrowAsync<RuntimeException>(() => ProvideAsync(runtime, Scratch.Options(table)));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeHashMismatch);
        error.Message.ShouldContain(runtime.Sha256);
        error.File.ShouldBe(Path.Combine(Path.GetDirectoryName(table)!, runtime.FileName));
        Scratch.CachedEntries().ShouldBeEmpty();
        Scratch.DownloadCacheFiles().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_corrupted_download_is_a_hash_mismatch_and_nothing_is_cached()
    {
        var runtime = Runtimes.For("3.12");
        var table = CorruptedCopy(runtime);
        await using var server = LocalFileServer.Start(Path.GetDirectoryName(table)!);

        var error = await Should.ThrowAsync<RuntimeException>(() =>
            ProvideAsync(runtime, Scratch.Options(server.UriOf("python-downloads.json").AbsoluteUri)));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeHashMismatch);
        error.Message.ShouldContain("Nothing was cached");
        Scratch.CachedEntries().ShouldBeEmpty();
        Scratch.DownloadCacheFiles().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task A_missing_archive_is_a_download_failure_naming_the_url()
    {
        var runtime = Runtimes.For("3.12");
        await using var server = LocalFileServer.Start(Directory.CreateDirectory(Path.Combine(Scratch.Root, "empty")).FullName);
        var table = RuntimeScratch.WriteTable(Path.Combine(Scratch.Root, "org"), runtime, server.UriOf("gone.tar.gz").AbsoluteUri);

        var error = await Should.ThrowAsync<RuntimeException>(() => ProvideAsync(runtime, Scratch.Options(table)));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeDownloadFailed);
        error.Message.ShouldContain("HTTP 404");
        error.Message.ShouldContain(server.UriOf("gone.tar.gz").AbsoluteUri);
        Scratch.CachedEntries().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task Offline_builds_use_what_is_cached_and_name_what_is_not()
    {
        var runtime = Runtimes.For("3.11");
        string table;
        await using (var server = Runtimes.Serve())
        {
            table = server.UriOf(TestRuntimes.DownloadsFileName).AbsoluteUri;
            await ProvideAsync(runtime, Scratch.Options(table));
        }

        // The server is gone: the table comes from the page cache, the runtime from the runtime cache.
        (await ProvideAsync(runtime, Scratch.Options(table), offline: true)).Extracted.ShouldBeFalse();
        using var offline = Scratch.Client(offline: true);

        var elsewhere = RuntimeScratch.WriteTable(Path.Combine(Scratch.Root, "org"), runtime with { Version = "3.11.99" }, "http://127.0.0.1:9/never-downloaded.tar.gz", new string('b', 64));
        var error = await Should.ThrowAsync<RuntimeException>(() => new RuntimeProvider(Scratch.Options(elsewhere), offline)
            .ProvideAsync(PythonImplementation.Parse("cpython@3.11.99"), RuntimeScratch.Platform(runtime)));
        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeOfflineUnavailable);
        error.Message.ShouldContain("http://127.0.0.1:9/never-downloaded.tar.gz");
    }

    [TestRuntimeFact]
    public async Task Table_and_mirror_paths_are_paths_even_with_url_characters_in_them()
    {
        var runtime = Runtimes.For("3.11");
        var folder = Path.Combine(Scratch.Root, "org #1 100%");
        Directory.CreateDirectory(Path.Combine(folder, runtime.ReleaseTag));
        File.Copy(runtime.Path, Path.Combine(folder, runtime.ReleaseTag, runtime.FileName));
        var table = RuntimeScratch.WriteTable(folder, runtime, RuntimeScratch.ReleaseUrl(runtime));

        var provided = await ProvideAsync(runtime, Scratch.Options(table, mirror: folder));

        provided.Archive.Table.ShouldBe("the runtime table " + table);
        new Uri(provided.Source).LocalPath.ShouldBe(Path.Combine(folder, runtime.ReleaseTag, runtime.FileName));
    }

    [TestRuntimeFact]
    public async Task An_unreadable_user_table_is_a_coded_error_naming_it()
    {
        var missing = Path.Combine(Scratch.Root, "nowhere", "table.json");

        var error = await Should.ThrowAsync<RuntimeException>(() =>
            ProvideAsync(Runtimes.For("3.12"), Scratch.Options(missing)));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeTableUnavailable);
        error.Message.ShouldContain(missing);
    }

    // {mirror}/{release tag}/{file name}, as python-build-standalone's release assets are laid out.
    private string MirrorFolder(TestRuntimeArchive runtime)
    {
        var mirror = Path.Combine(Scratch.Root, "mirror");
        Directory.CreateDirectory(Path.Combine(mirror, runtime.ReleaseTag));
        File.Copy(runtime.Path, Path.Combine(mirror, runtime.ReleaseTag, runtime.FileName));
        return mirror;
    }

    // A copy of the archive with one byte changed, beside a table that gives the original's sha256.
    private string CorruptedCopy(TestRuntimeArchive runtime)
    {
        var folder = Path.Combine(Scratch.Root, "bad");
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
