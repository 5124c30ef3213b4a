using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Packaging.Tests.Pep751;

/// <summary>
/// The writer lays lock files out exactly as venvstacks does (uv's export re-serialised by tomlkit). The expected
/// texts below were produced by tomlkit 0.13.3 <c>dumps()</c> from the same data as plain Python dictionaries.
/// </summary>
public sealed class PyLockWriterTests
{
    private const string EverySourceKindToml = """
        lock-version = "1.0"
        created-by = "venvstacks-sdk"
        environments = ["sys_platform == 'linux'", "sys_platform == 'win32'"]
        requires-python = ">=3.11"
        extras = ["cli"]
        dependency-groups = ["dev"]
        default-groups = ["dev"]

        [[packages]]
        name = "gitpkg"
        version = "1.0"

        [packages.vcs]
        type = "git"
        url = "https://example.org/gitpkg.git"
        requested-revision = "main"
        commit-id = "0123456789abcdef0123456789abcdef01234567"
        subdirectory = "src/gitpkg"

        [[packages]]
        name = "local"

        [packages.directory]
        path = "../local"
        editable = true

        [[packages]]
        name = "arch"
        version = "2.0"

        [packages.archive]
        url = "https://example.org/arch-2.0.tar.gz"
        size = 10
        upload-time = 2024-12-31T23:59:59+02:00

        [packages.archive.hashes]
        sha256 = "aa"

        [[packages]]
        name = "idx"
        version = "3.0+local.1"
        marker = "python_version < '3.12'"
        requires-python = ">=3.8"
        index = "https://pypi.org/simple"

        [[packages.dependencies]]
        name = "dep"
        version = "1.0"

        [[packages.wheels]]
        name = "idx-3.0+local.1-py3-none-any.whl"
        url = "https://files.example.org/idx-3.0%2Blocal.1-py3-none-any.whl"
        upload-time = 2025-01-02T03:04:06Z
        size = 5

        [packages.wheels.hashes]
        sha256 = "cc"

        [[packages.wheels]]
        size = 6
        path = "../wheels/idx-3.0+local.1-cp311-cp311-win_amd64.whl"

        [packages.wheels.hashes]
        sha256 = "dd"
        blake2b = "ee"

        [[packages.attestation-identities]]
        kind = "GitHub"
        repository = "owner/idx"

        [packages.sdist]
        url = "https://files.example.org/idx-3.0+local.1.tar.gz"
        upload-time = 2025-01-02T03:04:05.123000Z
        size = 100

        [packages.sdist.hashes]
        sha256 = "bb"

        [packages.tool.venvstacks]
        note = "quote \" and backslash \\ and tab\t"

        [tool.uv]
        version = "0.8.18"
        ratio = 0.5
        big = 1e+20
        flags = [true, false]
        when = 2025-08-27
        at = 12:30:00
        local = 2025-08-27T12:00:00
        nested = [{a = 1}, 2]

        [tool.uv.empty]

        """;

    private static readonly DateTimeOffset SdistUploaded = new(2025, 1, 2, 3, 4, 5, 123, TimeSpan.Zero);

    private static PyLock EverySourceKind() => new()
    {
        CreatedBy = "venvstacks-sdk",
        Environments = ["sys_platform == 'linux'", "sys_platform == 'win32'"],
        RequiresPython = ">=3.11",
        Extras = ["cli"],
        DependencyGroups = ["dev"],
        DefaultGroups = ["dev"],
        Packages =
        [
            new PyLockPackage
            {
                Name = "gitpkg",
                Version = "1.0",
                Vcs = new PyLockVcs
                {
                    Type = "git",
                    Url = "https://example.org/gitpkg.git",
                    RequestedRevision = "main",
                    CommitId = "0123456789abcdef0123456789abcdef01234567",
                    Subdirectory = "src/gitpkg",
                },
            },
            new PyLockPackage { Name = "local", Directory = new PyLockDirectory { Path = "../local", Editable = true } },
            new PyLockPackage
            {
                Name = "arch",
                Version = "2.0",
                Archive = new PyLockArchive
                {
                    Url = "https://example.org/arch-2.0.tar.gz",
                    Size = 10,
                    UploadTime = new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.FromHours(2)),
                    Hashes = new Dictionary<string, string> { ["sha256"] = "aa" },
                },
            },
            new PyLockPackage
            {
                Name = "idx",
                Version = "3.0+local.1",
                Marker = "python_version < '3.12'",
                RequiresPython = ">=3.8",
                Dependencies = [new Dictionary<string, object> { ["name"] = "dep", ["version"] = "1.0" }],
                Index = "https://pypi.org/simple",
                Sdist = new PyLockSdist
                {
                    Url = "https://files.example.org/idx-3.0+local.1.tar.gz",
                    UploadTime = SdistUploaded,
                    Size = 100,
                    Hashes = new Dictionary<string, string> { ["sha256"] = "bb" },
                },
                Wheels =
                [
                    new PyLockWheel
                    {
                        Name = "idx-3.0+local.1-py3-none-any.whl",
                        Url = "https://files.example.org/idx-3.0%2Blocal.1-py3-none-any.whl",
                        UploadTime = new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero),
                        Size = 5,
                        Hashes = new Dictionary<string, string> { ["sha256"] = "cc" },
                    },
                    new PyLockWheel
                    {
                        Path = "../wheels/idx-3.0+local.1-cp311-cp311-win_amd64.whl",
                        Size = 6,
                        Hashes = new Dictionary<string, string> { ["sha256"] = "dd", ["blake2b"] = "ee" },
                    },
                ],
                AttestationIdentities = [new Dictionary<string, object> { ["kind"] = "GitHub", ["repository"] = "owner/idx" }],
                Tool = new Dictionary<string, object>
                {
                    ["venvstacks"] = new Dictionary<string, object> { ["note"] = "quote \" and backslash \\ and tab\t" },
                },
            },
        ],
        Tool = new Dictionary<string, object>
        {
            ["uv"] = new Dictionary<string, object>
            {
                ["version"] = "0.8.18",
                ["ratio"] = 0.5,
                ["big"] = 1e20,
                ["flags"] = new object[] { true, false },
                ["when"] = new DateOnly(2025, 8, 27),
                ["at"] = new TimeOnly(12, 30),
                ["local"] = new DateTime(2025, 8, 27, 12, 0, 0, DateTimeKind.Unspecified),
                ["nested"] = new object[] { new Dictionary<string, object> { ["a"] = 1 }, 2 },
                ["empty"] = new Dictionary<string, object>(),
            },
        },
    };

    [Fact]
    public void Every_source_kind_and_value_type_is_written_like_tomlkit() =>
        EverySourceKind().ToToml().ShouldBe(EverySourceKindToml);

    [Fact]
    public void Every_source_kind_reads_back_to_the_same_model() =>
        PyLock.Parse(EverySourceKindToml).ShouldBe(EverySourceKind());

    [Fact]
    public void Uv_inline_tables_are_rewritten_in_venvstacks_layout()
    {
        // uv export writes sdist, wheels and directory inline; venvstacks' tomlkit round trip turns them into sections.
        const string uvExport = """
            # This file was autogenerated by uv via the following command:
            #    uv export --format pylock.toml -o pylock.toml
            lock-version = "1.0"
            created-by = "uv"
            requires-python = ">=3.12"

            [[packages]]
            name = "anyio"
            version = "4.9.0"
            index = "https://pypi.org/simple"
            sdist = { url = "https://files.pythonhosted.org/packages/95/7d/anyio-4.9.0.tar.gz", upload-time = 2025-03-17T00:02:54Z, size = 190949, hashes = { sha256 = "673c0c244e15788651a4ff38710fea9675823028a6f08a5eda409e0c9840a028" } }
            wheels = [{ url = "https://files.pythonhosted.org/packages/a1/ee/anyio-4.9.0-py3-none-any.whl", upload-time = 2025-03-17T00:02:52Z, size = 100916, hashes = { sha256 = "9f76d541cad6e36af7beb62e978876f3b41e3e04f2c1fbf0884604c0a9c4d93c" } }]

            [[packages]]
            name = "colorama"
            version = "0.4.6"
            marker = "sys_platform == 'win32'"
            index = "https://pypi.org/simple"
            sdist = { url = "https://files.pythonhosted.org/packages/d8/53/colorama-0.4.6.tar.gz", upload-time = 2022-10-25T02:36:22Z, size = 27697, hashes = { sha256 = "08695f5cb7ed6e0531a20572697297273c47b8cae5a63ffc6d6ed5c201be6e44" } }
            wheels = [
                { url = "https://files.pythonhosted.org/packages/d1/d6/colorama-0.4.6-py2.py3-none-any.whl", upload-time = 2022-10-25T02:36:20Z, size = 25335, hashes = { sha256 = "4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6" } },
            ]

            [[packages]]
            name = "project"
            directory = { path = ".", editable = true }

            """;
        const string venvstacksLayout = """
            # This file was autogenerated by uv via the following command:
            #    uv export --format pylock.toml -o pylock.toml
            lock-version = "1.0"
            created-by = "uv"
            requires-python = ">=3.12"

            [[packages]]
            name = "anyio"
            version = "4.9.0"
            index = "https://pypi.org/simple"

            [[packages.wheels]]
            url = "https://files.pythonhosted.org/packages/a1/ee/anyio-4.9.0-py3-none-any.whl"
            upload-time = 2025-03-17T00:02:52Z
            size = 100916

            [packages.wheels.hashes]
            sha256 = "9f76d541cad6e36af7beb62e978876f3b41e3e04f2c1fbf0884604c0a9c4d93c"

            [packages.sdist]
            url = "https://files.pythonhosted.org/packages/95/7d/anyio-4.9.0.tar.gz"
            upload-time = 2025-03-17T00:02:54Z
            size = 190949

            [packages.sdist.hashes]
            sha256 = "673c0c244e15788651a4ff38710fea9675823028a6f08a5eda409e0c9840a028"

            [[packages]]
            name = "colorama"
            version = "0.4.6"
            marker = "sys_platform == 'win32'"
            index = "https://pypi.org/simple"

            [[packages.wheels]]
            url = "https://files.pythonhosted.org/packages/d1/d6/colorama-0.4.6-py2.py3-none-any.whl"
            upload-time = 2022-10-25T02:36:20Z
            size = 25335

            [packages.wheels.hashes]
            sha256 = "4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6"

            [packages.sdist]
            url = "https://files.pythonhosted.org/packages/d8/53/colorama-0.4.6.tar.gz"
            upload-time = 2022-10-25T02:36:22Z
            size = 27697

            [packages.sdist.hashes]
            sha256 = "08695f5cb7ed6e0531a20572697297273c47b8cae5a63ffc6d6ed5c201be6e44"

            [[packages]]
            name = "project"

            [packages.directory]
            path = "."
            editable = true

            """;

        var lockFile = PyLock.Parse(uvExport);

        lockFile.ToToml().ShouldBe(venvstacksLayout);
        PyLock.Parse(venvstacksLayout).ShouldBe(lockFile);
    }

    [Fact]
    public void An_empty_package_list_is_written_as_an_empty_array()
    {
        var text = new PyLock { CreatedBy = "uv" }.ToToml();

        text.ShouldBe("lock-version = \"1.0\"\ncreated-by = \"uv\"\npackages = []\n");
        PyLock.Parse(text).Packages.ShouldBeEmpty();
    }

    [Fact]
    public void Header_comments_come_first_and_lines_end_with_lf()
    {
        var text = new PyLock
        {
            HeaderComments = [" Locked requirements for app (DO NOT EDIT)", "     Auto-generated by venvstacks with the following command:", "         python -Im venvstacks lock"],
            CreatedBy = "uv",
            Packages = [new PyLockPackage { Name = "numpy", Version = "2.3.2", Marker = "sys_platform == 'from_lower_layer'" }],
        }.ToToml();

        text.ShouldBe(
            "# Locked requirements for app (DO NOT EDIT)\n#     Auto-generated by venvstacks with the following command:\n#         python -Im venvstacks lock\n" +
            "lock-version = \"1.0\"\ncreated-by = \"uv\"\n\n[[packages]]\nname = \"numpy\"\nversion = \"2.3.2\"\nmarker = \"sys_platform == 'from_lower_layer'\"\n");
        text.ShouldNotContain("\r");
    }

    [Fact]
    public void Unknown_keys_follow_the_modelled_ones_in_read_order()
    {
        var text = new PyLock
        {
            CreatedBy = "uv",
            Packages = [new PyLockPackage { Name = "a", Unknown = new Dictionary<string, object> { ["zeta"] = 1L, ["alpha"] = "x" } }],
            Unknown = new Dictionary<string, object> { ["future-key"] = true },
        }.ToToml();

        text.ShouldBe("lock-version = \"1.0\"\ncreated-by = \"uv\"\nfuture-key = true\n\n[[packages]]\nname = \"a\"\nzeta = 1\nalpha = \"x\"\n");
    }

    [Fact]
    public void Unknown_keys_may_not_repeat_modelled_keys()
    {
        var lockFile = new PyLock { CreatedBy = "uv", Unknown = new Dictionary<string, object> { ["created-by"] = "other" } };

        Should.Throw<InvalidOperationException>(lockFile.ToToml).Message.ShouldContain("'created-by'");
    }

    [Fact]
    public void Models_missing_required_values_cannot_be_written()
    {
        Should.Throw<InvalidOperationException>(new PyLock { CreatedBy = "" }.ToToml).Message.ShouldContain("'created-by'");
        Should.Throw<InvalidOperationException>(new PyLock { CreatedBy = "uv", Packages = [new PyLockPackage { Name = null! }] }.ToToml)
            .Message.ShouldContain("'name'");
        Should.Throw<InvalidOperationException>(new PyLock { CreatedBy = "uv", HeaderComments = ["two\nlines"] }.ToToml)
            .Message.ShouldContain("line break");
    }

    [Fact]
    public async Task Writing_a_file_uses_utf8_without_bom()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pylock.{Guid.NewGuid():N}.toml");
        try
        {
            var lockFile = new PyLock { CreatedBy = "uv", Packages = [new PyLockPackage { Name = "zoë" }] };

            await lockFile.WriteAsync(path);

            (await File.ReadAllBytesAsync(path)).ShouldBe(System.Text.Encoding.UTF8.GetBytes(lockFile.ToToml()));
            (await PyLock.ReadAsync(path)).ShouldBe(lockFile);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
