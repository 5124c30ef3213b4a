using VenvStacks.Core.Toml;

namespace VenvStacks.Core.Tests.Toml;

public class TomlDocumentReaderTests
{
    private const string Path = "/specs/venvstacks.toml";

    [Fact]
    public void Arrays_of_tables_collect_their_entries_with_one_based_positions()
    {
        var result = TomlDocumentReader.Parse(
            "[[runtimes]]\nname = \"a\"\nrequirements = [\n  \"numpy\",\n  \"scipy\",\n]\n[[runtimes]]\nname = \"b\"\n",
            Path);

        result.Succeeded.ShouldBeTrue();
        var runtimes = (TomlArrayNode)result.Root!.Find("runtimes")!.Value;
        runtimes.IsTableArray.ShouldBeTrue();
        runtimes.Items.Length.ShouldBe(2);
        var first = (TomlTableNode)runtimes.Items[0];
        first.Location.Line.ShouldBe(1);
        var requirements = (TomlArrayNode)first.Find("requirements")!.Value;
        requirements.Items[1].Location.Line.ShouldBe(5);
        requirements.Items[1].Location.Column.ShouldBe(3);
        ((TomlScalarNode)requirements.Items[1]).Value.ShouldBe("scipy");
        var second = (TomlTableNode)runtimes.Items[1];
        second.Find("name")!.KeyLocation.Line.ShouldBe(8);
    }

    [Fact]
    public void Dotted_keys_headers_and_inline_tables_build_nested_tables()
    {
        var result = TomlDocumentReader.Parse(
            "a.b = 1\n[tool.uv]\nexclude-newer = \"2025-01-01\"\n[[tool.uv.index]]\nname = \"x\"\nurl = \"https://x\"\n[c]\nd = { e = true, \"f g\" = 2.5 }\n",
            Path);

        result.Succeeded.ShouldBeTrue();
        var root = result.Root!;
        ((TomlScalarNode)((TomlTableNode)root.Find("a")!.Value).Find("b")!.Value).Value.ShouldBe(1L);
        var uv = (TomlTableNode)((TomlTableNode)root.Find("tool")!.Value).Find("uv")!.Value;
        uv.Find("exclude-newer").ShouldNotBeNull();
        var index = (TomlArrayNode)uv.Find("index")!.Value;
        ((TomlTableNode)index.Items[0]).Find("url")!.Value.Location.Line.ShouldBe(6);
        var inline = (TomlTableNode)((TomlTableNode)root.Find("c")!.Value).Find("d")!.Value;
        ((TomlScalarNode)inline.Find("e")!.Value).Value.ShouldBe(true);
        ((TomlScalarNode)inline.Find("f g")!.Value).Value.ShouldBe(2.5);
    }

    [Fact]
    public void Syntax_errors_are_reported_with_their_line()
    {
        var result = TomlDocumentReader.Parse("a = 1\n[broken\nb = 2\n", Path);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldNotBeEmpty();
        result.Errors[0].Code.ShouldBe("VSTK1001");
        result.Errors[0].Location!.Line.ShouldBe(2);
        result.Errors[0].Location!.File.ShouldBe(Path);
    }

    [Fact]
    public void Redefined_keys_are_errors()
    {
        var result = TomlDocumentReader.Parse("[[runtimes]]\nname = \"a\"\nname = \"b\"\n", Path);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Location!.Line == 3 && e.Message.Contains("already defined"));
    }

    [Fact]
    public void Plain_data_keeps_every_value()
    {
        var result = TomlDocumentReader.Parse("x = [1, \"two\", { three = 3 }]\n", Path);

        var data = result.Root!.ToPlainData();
        var items = (System.Collections.Immutable.ImmutableArray<object>)data["x"];
        items[0].ShouldBe(1L);
        items[1].ShouldBe("two");
        ((IReadOnlyDictionary<string, object>)items[2])["three"].ShouldBe(3L);
    }
}
