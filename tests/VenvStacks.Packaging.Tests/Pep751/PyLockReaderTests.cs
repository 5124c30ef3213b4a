using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Packaging.Tests.Pep751;

public sealed class PyLockReaderTests
{
    private const string Minimal = "lock-version = \"1.0\"\ncreated-by = \"uv\"\n";

    [Fact]
    public void A_minimal_lock_reads_with_optional_keys_absent()
    {
        var lockFile = PyLock.Parse(Minimal + "packages = []\n");

        lockFile.HeaderComments.ShouldBeEmpty();
        lockFile.RequiresPython.ShouldBeNull();
        lockFile.Environments.ShouldBeNull();
        lockFile.Extras.ShouldBeNull();
        lockFile.Tool.ShouldBeNull();
        lockFile.Packages.ShouldBeEmpty();
    }

    [Fact]
    public void Wheels_read_their_typed_values()
    {
        var lockFile = PyLock.Parse(Minimal + """
            requires-python = "==3.11.*"

            [[packages]]
            name = "Torch"
            version = "2.5.1+cpu"
            marker = "sys_platform == 'linux'"

            [[packages.wheels]]
            url = "https://download.example.org/whl/cpu/torch-2.5.1%2Bcpu-cp311-cp311-linux_x86_64.whl"
            upload-time = 2024-10-29T17:47:12.5Z
            size = 174590000

            [packages.wheels.hashes]
            sha256 = "aa"
            """);

        var package = lockFile.Packages.Single();
        package.NormalizedName.Value.ShouldBe("torch");
        package.ParseVersion()!.Local.ShouldBe("cpu");
        package.ParseMarker()!.ToString().ShouldBe("sys_platform == \"linux\"");
        lockFile.ParseRequiresPython()!.Contains("3.11.4").ShouldBeTrue();
        var wheel = package.Wheels.ShouldNotBeNull().Single();
        wheel.UploadTime.ShouldBe(new DateTimeOffset(2024, 10, 29, 17, 47, 12, 500, TimeSpan.Zero));
        wheel.Size.ShouldBe(174590000);
        wheel.Hashes.ShouldBe(new Dictionary<string, string> { ["sha256"] = "aa" });
        wheel.FileName.ShouldBe("torch-2.5.1+cpu-cp311-cp311-linux_x86_64.whl");
    }

    [Fact]
    public void Lower_layer_markers_are_recognised_and_stripped()
    {
        var lockFile = PyLock.Parse(Minimal + """
            [[packages]]
            name = "numpy"
            version = "2.3.2"
            marker = "sys_platform == 'from_lower_layer'"

            [[packages]]
            name = "mlx-metal"
            version = "0.29.3"
            marker = "(platform_machine == 'arm64' and sys_platform == 'darwin') and sys_platform == 'from_lower_layer'"

            [[packages]]
            name = "scipy"
            version = "1.16.1"
            marker = "sys_platform == 'win32'"
            """);

        lockFile.Packages.Select(p => p.IsFromLowerLayer).ShouldBe([true, true, false]);
        lockFile.Packages.Select(p => p.MarkerWithoutLowerLayerClause)
            .ShouldBe([null, "platform_machine == 'arm64' and sys_platform == 'darwin'", "sys_platform == 'win32'"]);
        lockFile.Packages[1].ParseMarkerWithoutLowerLayerClause()!.ToSingleQuotedString()
            .ShouldBe("platform_machine == 'arm64' and sys_platform == 'darwin'");
    }

    [Fact]
    public void Pep_751_marker_variables_for_extras_and_groups_are_accepted()
    {
        var lockFile = PyLock.Parse(Minimal + """
            extras = ["cli"]
            dependency-groups = ["dev"]
            default-groups = ["dev"]

            [[packages]]
            name = "click"
            marker = "'cli' in extras or 'dev' in dependency_groups"
            """);

        lockFile.Extras.ShouldBe(["cli"]);
        lockFile.DependencyGroups.ShouldBe(["dev"]);
        lockFile.DefaultGroups.ShouldBe(["dev"]);
        lockFile.Packages.Single().ParseMarker().ShouldNotBeNull();
    }

    [Fact]
    public void Unknown_keys_and_tool_tables_are_kept()
    {
        var lockFile = PyLock.Parse(Minimal + """
            new-top-level = [1, 2]

            [[packages]]
            name = "a"
            future = { x = 1979-05-27T07:32:00 }

            [[packages.wheels]]
            url = "https://x/a-1-py3-none-any.whl"
            mirror = "https://y/a-1-py3-none-any.whl"
            hashes = {}

            [tool.venvstacks]
            layer = "app"
            """);

        lockFile.Unknown["new-top-level"].ShouldBe(new object[] { 1L, 2L });
        var future = lockFile.Packages[0].Unknown["future"].ShouldBeAssignableTo<IReadOnlyDictionary<string, object>>()!;
        future["x"].ShouldBe(new DateTime(1979, 5, 27, 7, 32, 0));
        lockFile.Packages[0].Wheels!.Single().Unknown["mirror"].ShouldBe("https://y/a-1-py3-none-any.whl");
        lockFile.Tool!["venvstacks"].ShouldBeAssignableTo<IReadOnlyDictionary<string, object>>()!["layer"].ShouldBe("app");
    }

    [Fact]
    public void Header_comments_are_the_comment_lines_before_the_first_key()
    {
        var lockFile = PyLock.Parse("# one\r\n#two\r\n" + Minimal + "# not a header comment\npackages = []\n");

        lockFile.HeaderComments.ShouldBe([" one", "two"]);
    }

    [Theory]
    [InlineData("lock-version = \"1.0\"\npackages = []\n", "missing required key 'created-by'", 1)]
    [InlineData("created-by = \"uv\"\npackages = []\n", "missing required key 'lock-version'", 1)]
    [InlineData(Minimal, "missing required key 'packages'", 1)]
    [InlineData("lock-version = \"2.0\"\ncreated-by = \"uv\"\npackages = []\n", "unsupported lock-version '2.0'", 1)]
    [InlineData(Minimal + "packages = []\nextras = \"cli\"\n", "'extras' must be an array of strings", 4)]
    [InlineData(Minimal + "packages = [1]\n", "'packages' must be an array of tables", 3)]
    [InlineData(Minimal + "[[packages]]\nversion = \"1\"\n", "missing required key 'name' in 'packages[0]'", 4)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\nmarker = \"os_name ==\"\n", "'packages[0].marker' is not valid", 5)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\nversion = \"one\"\n", "'packages[0].version' is not valid", 5)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\n[[packages.wheels]]\nurl = \"u\"\n", "missing required key 'hashes' in 'packages[0].wheels[0]'", 6)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\n[[packages.wheels]]\nsize = -1\nhashes = {}\n", "'packages[0].wheels[0].size' must be a non-negative integer", 6)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\n[[packages.wheels]]\nsize = \"1\"\nhashes = {}\n", "'packages[0].wheels[0].size' must be a non-negative integer", 6)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\n[[packages.wheels]]\nupload-time = 2025-01-01T00:00:00\nhashes = {}\n", "must be a date-time with an offset", 6)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\n[[packages.wheels]]\nhashes = { sha256 = 1 }\n", "'packages[0].wheels[0].hashes.sha256' must be a string", 6)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\nvcs = { type = \"git\" }\n", "missing required key 'commit-id' in 'packages[0].vcs'", 5)]
    [InlineData(Minimal + "[[packages]]\nname = \"a\"\ndirectory = { path = \".\", editable = \"yes\" }\n", "'packages[0].directory.editable' must be a boolean", 5)]
    public void Invalid_locks_are_format_errors_at_the_offending_key(string text, string expected, int line)
    {
        var error = Should.Throw<PackagingFormatException>(() => PyLock.Parse(text));

        error.Message.ShouldStartWith("Invalid pylock.toml: ");
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain($"(line {line}, column");
        error.Input.ShouldBe(text);
    }

    [Fact]
    public void The_error_position_is_the_offending_key()
    {
        const string text = Minimal + "[[packages]]\nname = \"a\"\n\n[[packages]]\nname = \"b\"\n[[packages.wheels]]\nsize = \"big\"\nhashes = {}\n";

        var error = Should.Throw<PackagingFormatException>(() => PyLock.Parse(text));

        error.Position.ShouldBe(text.IndexOf("size", StringComparison.Ordinal));
        error.Length.ShouldBe("size".Length);
        error.Message.ShouldContain("'packages[1].wheels[0].size'");
    }

    [Theory]
    [InlineData("lock-version = \n", "line 1")]
    [InlineData(Minimal + "packages = []\n[tool]\na = 1\n[tool]\nb = 2\n", "line 6")]
    [InlineData(Minimal + "name = \"unterminated\n", "line 3")]
    public void Invalid_toml_is_a_format_error_with_its_position(string text, string expected)
    {
        var error = Should.Throw<PackagingFormatException>(() => PyLock.Parse(text));

        error.Message.ShouldStartWith("Invalid pylock.toml: ");
        error.Message.ShouldContain(expected);
    }
}
