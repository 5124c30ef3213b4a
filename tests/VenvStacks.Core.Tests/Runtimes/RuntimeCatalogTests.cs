using System.Text;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Runtimes;

public class RuntimeCatalogTests
{
    [Fact]
    public void The_embedded_resource_is_the_repository_file_byte_for_byte()
    {
        EmbeddedRuntimeTable.ReadBytes().ShouldBe(File.ReadAllBytes(PinnedTableJson.FilePath));
    }

    [Fact]
    public void Every_entry_with_a_sha256_resolves_to_its_url_sha256_and_variant()
    {
        using var json = PinnedTableJson.Load();
        var catalog = RuntimeCatalog.Embedded;
        var checkedEntries = 0;
        foreach (var (version, platformName, entry) in PinnedTableJson.Entries(json))
        {
            var implementation = PythonImplementation.Parse("cpython@" + version);
            var platform = TargetPlatform.Parse(platformName);
            if (entry.GetProperty("sha256").GetString() is not { } sha256)
            {
                Should.Throw<RuntimeException>(() => catalog.Resolve(implementation, platform))
                    .Descriptor.ShouldBe(DiagnosticCodes.RuntimeChecksumMissing);
                continue;
            }

            var archive = catalog.Resolve(implementation, platform);
            archive.Url.AbsoluteUri.ShouldBe(entry.GetProperty("url").GetString());
            archive.Sha256.ShouldBe(sha256);
            archive.Variant.ShouldBe(entry.GetProperty("variant").GetString());
            archive.ReleaseTag.ShouldBe(entry.GetProperty("release_tag").GetString());
            archive.Triple.ShouldBe(entry.GetProperty("triple").GetString());
            archive.Platform.ShouldBeSameAs(platform);
            archive.FileName.ShouldBe(Uri.UnescapeDataString(archive.Url.AbsoluteUri.Split('/')[^1]));
            archive.FileName.ShouldStartWith("cpython-" + version);
            checkedEntries++;
        }

        checkedEntries.ShouldBeGreaterThan(300, "the pinned table has 325 entries, 4 of them without sha256");
    }

    [Theory]
    [InlineData("3.11.11", "linux_x86_64")]
    [InlineData("3.12.9", "macosx_arm64")]
    [InlineData("3.12.9", "win_amd64")]
    [InlineData("3.13.7", "linux_aarch64")]
    public void The_venvstacks_fixture_runtimes_resolve_to_stripped_archives_of_their_table_entry(string version, string platform)
    {
        using var json = PinnedTableJson.Load();
        var entry = json.RootElement.GetProperty("versions").GetProperty(version).GetProperty(platform);

        var archive = RuntimeCatalog.Embedded.Resolve(PythonImplementation.Parse("cpython@" + version), TargetPlatform.Parse(platform));

        archive.Variant.ShouldBe("install_only_stripped");
        archive.Url.AbsoluteUri.ShouldBe(entry.GetProperty("url").GetString());
        archive.Sha256.ShouldBe(entry.GetProperty("sha256").GetString());
        archive.FileName.ShouldEndWith($"-{entry.GetProperty("triple").GetString()}-install_only_stripped.tar.gz");
    }

    [Fact]
    public void A_missing_patch_version_names_the_newest_patch_of_its_minor()
    {
        using var json = PinnedTableJson.Load();
        var newest = PinnedTableJson.VersionsOfMinor(json, "3.12")[0];

        var error = Should.Throw<RuntimeException>(() => RuntimeCatalog.Embedded.Resolve(PythonImplementation.Parse("cpython@3.12.99"), TargetPlatform.LinuxX64));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeVersionNotFound);
        error.Message.ShouldContain("cpython@3.12.99");
        error.Message.ShouldContain($"The newest 3.12 release there is {newest}");
        error.Message.ShouldContain("VenvStacksPythonDownloads");
    }

    [Fact]
    public void A_missing_minor_lists_the_minors_there_are_with_their_newest_patch()
    {
        using var json = PinnedTableJson.Load();

        var error = Should.Throw<RuntimeException>(() => RuntimeCatalog.Embedded.Resolve(PythonImplementation.Parse("cpython@3.9.18"), TargetPlatform.LinuxX64));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeVersionNotFound);
        error.Message.ShouldContain("no 3.9 release");
        foreach (var minor in new[] { "3.10", "3.11", "3.12", "3.13", "3.14" })
        {
            error.Message.ShouldContain($"{minor} (newest {PinnedTableJson.VersionsOfMinor(json, minor)[0]})");
        }
    }

    [Fact]
    public void A_version_with_only_free_threaded_builds_says_so()
    {
        using var json = PinnedTableJson.Load();
        var omitted = json.RootElement.GetProperty("freethreaded_only_versions_omitted").EnumerateArray().Select(e => e.GetString()!).First();
        var minor = string.Join('.', omitted.Split('.').Take(2));

        var error = Should.Throw<RuntimeException>(() => RuntimeCatalog.Embedded.Resolve(PythonImplementation.Parse("cpython@" + omitted), TargetPlatform.LinuxX64));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeVersionNotFound);
        error.Message.ShouldContain("free-threaded");
        error.Message.ShouldContain($"the newest {minor} release with a standard build is {PinnedTableJson.VersionsOfMinor(json, minor)[0]}");
    }

    [Fact]
    public void A_missing_platform_names_the_platforms_of_the_version_and_the_releases_that_have_it()
    {
        using var json = PinnedTableJson.Load();
        var versions = json.RootElement.GetProperty("versions");
        var gap = json.RootElement.GetProperty("missing").EnumerateArray()
            .Select(m => (Version: m.GetProperty("version").GetString()!, Platform: m.GetProperty("platform").GetString()!))
            .First(m => m.Version.StartsWith("3.12.", StringComparison.Ordinal));
        var present = versions.GetProperty(gap.Version).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var withPlatform = PinnedTableJson.VersionsOfMinor(json, "3.12").Where(v => versions.GetProperty(v).TryGetProperty(gap.Platform, out _));

        var error = Should.Throw<RuntimeException>(() =>
            RuntimeCatalog.Embedded.Resolve(PythonImplementation.Parse("cpython@" + gap.Version), TargetPlatform.Parse(gap.Platform)));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimePlatformNotFound);
        error.Message.ShouldContain($"cpython@{gap.Version} has no archive for {gap.Platform}");
        error.Message.ShouldContain("it has archives for " + string.Join(", ", present));
        error.Message.ShouldContain($"3.12 releases with a {gap.Platform} archive: {string.Join(", ", withPlatform)}.");
    }

    [Fact]
    public void PyPy_has_no_python_build_standalone_runtime()
    {
        var error = Should.Throw<RuntimeException>(() => RuntimeCatalog.Embedded.Resolve(PythonImplementation.Parse("pypy@3.11.13"), TargetPlatform.LinuxX64));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeImplementationUnsupported);
    }

    [Fact]
    public void An_entry_without_sha256_is_refused_even_from_a_user_table()
    {
        var user = UserTable("""{"3.12.9": {"linux_x86_64": {"variant": "install_only", "url": "https://example.org/a.tar.gz", "sha256": null}}}""");

        var error = Should.Throw<RuntimeException>(() =>
            new RuntimeCatalog([user, EmbeddedRuntimeTable.Table]).Resolve(PythonImplementation.Parse("cpython@3.12.9"), TargetPlatform.LinuxX64));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeChecksumMissing);
        error.Message.ShouldContain("the runtime table /tables/user.json");
    }

    [Fact]
    public void A_user_table_overrides_the_embedded_one_entry_by_entry()
    {
        var sha = new string('a', 64);
        var user = UserTable($$$"""
            {
              "3.12.9": {"linux_x86_64": {"variant": "install_only", "url": "builds/own-3.12.9.tar.gz", "sha256": "{{{sha}}}"}},
              "3.12.77": {"linux_x86_64": {"variant": "install_only_stripped", "url": "https://builds.example.org/own-3.12.77.tar.gz", "sha256": "{{{sha}}}"}}
            }
            """);
        var catalog = new RuntimeCatalog([user, EmbeddedRuntimeTable.Table]);
        var embedded = RuntimeCatalog.Embedded;

        var overridden = catalog.Resolve(PythonImplementation.Parse("cpython@3.12.9"), TargetPlatform.LinuxX64);
        overridden.Url.AbsoluteUri.ShouldBe("file:///tables/builds/own-3.12.9.tar.gz");
        overridden.Sha256.ShouldBe(sha);
        overridden.Table.ShouldBe("the runtime table /tables/user.json");

        catalog.Resolve(PythonImplementation.Parse("cpython@3.12.77"), TargetPlatform.LinuxX64).Url.Host.ShouldBe("builds.example.org");

        // Platforms and versions the user table does not list still come from the pinned table.
        catalog.Resolve(PythonImplementation.Parse("cpython@3.12.9"), TargetPlatform.WinAmd64)
            .ShouldBe(embedded.Resolve(PythonImplementation.Parse("cpython@3.12.9"), TargetPlatform.WinAmd64));
        catalog.Resolve(PythonImplementation.Parse("cpython@3.11.11"), TargetPlatform.LinuxX64)
            .ShouldBe(embedded.Resolve(PythonImplementation.Parse("cpython@3.11.11"), TargetPlatform.LinuxX64));

        // A version only the user table has, on a platform it does not list: both tables are named.
        var error = Should.Throw<RuntimeException>(() => catalog.Resolve(PythonImplementation.Parse("cpython@3.12.77"), TargetPlatform.MacOSArm64));
        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimePlatformNotFound);
        error.Message.ShouldContain("the runtime table /tables/user.json and the embedded runtime table");
    }

    private static RuntimeDownloadTable UserTable(string versions) =>
        RuntimeDownloadTableReader.Parse(
            Encoding.UTF8.GetBytes("""{"format": "python-build-standalone/v1", "versions": """ + versions + "}"),
            "the runtime table /tables/user.json",
            new Uri("file:///tables/user.json"),
            "/tables/user.json");
}
