using System.Text;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>
/// Spec input built to hurt (issue 12): deep nesting, huge garbage, binary files, names too long for a file system,
/// index URLs that cannot work. Each is a coded error at the line at fault, in bounded output, never a crash.
/// </summary>
public sealed class HostileSpecTests
{
    private const string Runtime = "[[runtimes]]\nname = \"r\"\npython_implementation = \"cpython@3.11.7\"\nrequirements = []\n";

    [Fact]
    public void A_marker_in_50_000_parentheses_is_an_invalid_requirement_at_its_line()
    {
        using var files = new SpecFiles();
        var marker = new string('(', 50_000) + "python_version > \"3\"" + new string(')', 50_000);

        var result = files.Load(Runtime.Replace("requirements = []", "requirements = [\"quillon<2 ; " + marker.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]", StringComparison.Ordinal));

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1005");
        error.Message.ShouldContain("nested more than 64");
        error.Location!.Line.ShouldBe(4);
        // requirements = [" is 17 characters; then "quillon<2 ; " and 64 parentheses that are still allowed.
        error.Location.Column.ShouldBe(18 + "quillon<2 ; ".Length + 64);
    }

    [Fact]
    public void A_spec_nested_too_deep_is_one_invalid_toml_error_at_its_line()
    {
        using var files = new SpecFiles();

        var result = files.Load(Runtime + "[" + string.Join('.', Enumerable.Repeat("a", 20_000)) + "]\nx = 1\n");

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1001");
        error.Location!.File.ShouldBe(files.SpecPath);
        error.Location.Line.ShouldBe(5);
    }

    [Fact]
    public void A_backslash_before_an_emoji_in_a_quoted_key_is_invalid_toml_at_its_line()
    {
        using var files = new SpecFiles();

        // The TOML parser itself fails on this (describing the escape); it must be stopped before it.
        var error = files.Load(Runtime + "\"a\\\ud83d\ude00\" = 1\n").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("VSTK1001");
        error.Message.ShouldContain("is not an escape sequence");
        (error.Location!.Line, error.Location.Column).ShouldBe((5, 3));
    }

    [Fact]
    public void Garbage_text_gives_at_most_100_errors_and_one_line_counting_the_rest()
    {
        using var files = new SpecFiles();
        var random = new Random(12);
        // No brackets: random ones soon nest past the limit, which stops reading before any syntax error.
        const string Alphabet = "abc =\"'.,#\n0123456789";
        var garbage = new string(Enumerable.Range(0, 200_000).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

        var result = files.Load(garbage);

        result.Spec.ShouldBeNull();
        result.Diagnostics.Length.ShouldBe(DiagnosticBag.MaxPerFile + 1);
        result.Diagnostics.Take(DiagnosticBag.MaxPerFile).ShouldAllBe(d => d.Code == "VSTK1001" && d.Location!.Line > 0);
        var summary = result.Diagnostics[^1];
        summary.Code.ShouldBe("VSTK1031");
        summary.IsError.ShouldBeTrue();
        summary.Location!.File.ShouldBe(files.SpecPath);
        summary.Location.Line.ShouldBeGreaterThanOrEqualTo(result.Diagnostics[^2].Location!.Line);
        summary.Message.ShouldMatch(@"^\d+ more (errors|problems) in .*venvstacks\.toml");
    }

    [Fact]
    public void A_binary_spec_is_one_error_at_the_first_byte_that_is_not_text()
    {
        using var files = new SpecFiles();
        var bytes = new byte[200_000];
        new Random(5).NextBytes(bytes);
        var prefix = Encoding.ASCII.GetBytes("[[runtimes]]\nname = \"r\"\n");
        prefix.CopyTo(bytes, 0);
        bytes[prefix.Length] = 0xFF;

        var result = files.LoadBytes(bytes);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1032");
        error.Location!.File.ShouldBe(files.SpecPath);
        error.Location.Line.ShouldBe(3);
        error.Location.Column.ShouldBe(1);
        result.Spec.ShouldBeNull();
    }

    [Theory]
    [InlineData(new byte[] { 0x5B, 0x5B, 0x72, 0x00, 0x5D }, 1, 4)]
    [InlineData(new byte[] { 0x61, 0x20, 0x3D, 0x20, 0x31, 0x0A, 0x62, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0x28, 0x22 }, 2, 6)]
    public void Nul_bytes_and_invalid_utf8_are_not_text(byte[] content, int line, int column)
    {
        using var files = new SpecFiles();

        var error = files.LoadBytes(content).Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("VSTK1032");
        (error.Location!.Line, error.Location.Column).ShouldBe((line, column));
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_text()
    {
        using var files = new SpecFiles();

        var result = files.LoadBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Runtime)]);

        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_fallback_uv_file_that_is_binary_or_nested_too_deep_is_reported_against_that_file()
    {
        using var files = new SpecFiles();
        var uvPath = files.Touch("venvstacks.uv.toml");
        File.WriteAllBytes(uvPath, [0x61, 0x00, 0x62]);

        var binary = files.Load(Runtime).Diagnostics.ShouldHaveSingleItem();
        binary.Code.ShouldBe("VSTK1032");
        binary.Location!.File.ShouldBe(uvPath);

        File.WriteAllText(uvPath, "x = 1\njunk = " + new string('[', 100) + new string(']', 100) + "\n");
        var deep = files.Load(Runtime).Diagnostics.ShouldHaveSingleItem();
        deep.Code.ShouldBe("VSTK1001");
        (deep.Location!.File, deep.Location.Line).ShouldBe((uvPath, 2));
    }

    [Theory]
    [InlineData("runtimes", 250)]
    [InlineData("runtimes", 101)]
    [InlineData("frameworks", 250)]
    [InlineData("applications", 250)]
    public void A_layer_name_too_long_for_file_names_is_an_invalid_name_at_its_line(string kind, int length)
    {
        using var files = new SpecFiles();
        files.Touch("app.py");
        var name = new string('n', length);
        var layer = kind switch
        {
            "runtimes" => Runtime.Replace("name = \"r\"", $"name = \"{name}\"", StringComparison.Ordinal),
            "frameworks" => Runtime + $"[[frameworks]]\nname = \"{name}\"\nruntime = \"r\"\nrequirements = []\n",
            _ => Runtime + $"[[applications]]\nname = \"{name}\"\nruntime = \"r\"\nrequirements = []\nlaunch_module = \"app.py\"\n",
        };

        var result = files.Load(layer);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1030");
        error.Message.ShouldContain("at most 100");
        error.Location!.Line.ShouldBe(kind == "runtimes" ? 2 : 6);
    }

    [Fact]
    public void Name_length_counts_utf8_bytes_and_100_ascii_characters_are_allowed()
    {
        using var files = new SpecFiles();

        files.Load(Runtime.Replace("name = \"r\"", $"name = \"{new string('n', 100)}\"", StringComparison.Ordinal)).Diagnostics.ShouldBeEmpty();
        // 34 euro signs are 34 characters but 102 bytes, too long for a file name budget counted in bytes.
        files.Load(Runtime.Replace("name = \"r\"", $"name = \"{new string('€', 34)}\"", StringComparison.Ordinal))
            .Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("VSTK1030");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/simple", "scheme 'ftp'")]
    [InlineData("javascript:alert(1)", "scheme 'javascript'")]
    [InlineData("http://127.0.0.1:99999/simple", "not a valid URL")]
    [InlineData("http://", "not a valid URL")]
    [InlineData("http://[::1", "not a valid URL")]
    [InlineData("https:///simple", "not a valid URL")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public void An_index_url_that_cannot_work_is_a_spec_error_at_the_url(string url, string expected)
    {
        using var files = new SpecFiles();

        var result = files.Load(Runtime + $"\n[[tool.uv.index]]\nname = \"local\"\nurl = \"{url}\"\ndefault = true\n");

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1033");
        error.Message.ShouldContain(expected);
        error.Location!.Line.ShouldBe(8);
        error.Location.Column.ShouldBe(7);
        result.Spec.ShouldBeNull();
    }

    [Fact]
    public void An_invalid_index_url_with_credentials_does_not_show_them()
    {
        using var files = new SpecFiles();

        var error = files.Load(Runtime + "\n[[tool.uv.index]]\nurl = \"https://user:s3cret@127.0.0.1:99999/simple\"\n").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("VSTK1033");
        error.Message.ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("https://example.invalid/simple")]
    [InlineData("http://127.0.0.1:8080/simple/")]
    [InlineData("file:///srv/wheels")]
    [InlineData("wheels")]
    [InlineData("../shared wheels")]
    [InlineData("not a url")]
    public void Urls_and_folder_paths_that_can_work_are_accepted(string url)
    {
        using var files = new SpecFiles();

        files.Load(Runtime + $"\n[[tool.uv.index]]\nurl = \"{url}\"\n").Diagnostics.ShouldBeEmpty();
    }
}
