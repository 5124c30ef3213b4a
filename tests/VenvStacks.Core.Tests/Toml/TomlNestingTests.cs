using VenvStacks.Core.Toml;

namespace VenvStacks.Core.Tests.Toml;

/// <summary>
/// Tables, arrays and dotted keys nest at most 64 levels (docs/errors.md, VSTK1001): deeper input is one coded error
/// at the line of the first token too deep, never a stack overflow or an unlocated internal error; the limit itself,
/// and brackets inside strings and comments, are accepted.
/// </summary>
public sealed class TomlNestingTests
{
    private const string Path = "/specs/venvstacks.toml";

    private const string Runtime = "[[runtimes]]\nname = \"r\"\npython_implementation = \"cpython@3.11.7\"\nrequirements = []\n";

    private static string Dotted(int segments) => string.Join('.', Enumerable.Repeat("a", segments));

    public static TheoryData<string, string, int> TooDeep => new()
    {
        { "a 20,000-segment table header", Runtime + "[" + Dotted(20_000) + "]\nx = 1\n", 5 },
        { "a 20,000-segment header under [tool.uv]", Runtime + "[tool.uv." + Dotted(20_000) + "]\nx = 1\n", 5 },
        { "a 20,000-segment array-of-tables header", Runtime + "[[" + Dotted(20_000) + "]]\nx = 1\n", 5 },
        { "a 20,000-segment dotted key", Runtime + "[tool.uv]\n" + Dotted(20_000) + " = 1\n", 6 },
        { "a 20,000-segment dotted key in an inline table", "junk = { " + Dotted(20_000) + " = 1 }\n" + Runtime, 1 },
        { "65 nested arrays", "junk = " + new string('[', 65) + new string(']', 65) + "\n" + Runtime, 1 },
        { "65 nested inline tables", "junk = " + string.Concat(Enumerable.Repeat("{a=", 65)) + "1" + new string('}', 65) + "\n" + Runtime, 1 },
        { "63 nested arrays in an array-of-tables element (two levels)", Runtime + "junk = " + new string('[', 63) + new string(']', 63) + "\n", 5 },
        { "a header and arrays that are too deep together", Runtime + "[" + Dotted(40) + "]\njunk = " + new string('[', 25) + new string(']', 25) + "\n", 6 },
        { "arrays opened one per line", "junk = [\n" + string.Concat(Enumerable.Repeat("[\n", 99)) + new string(']', 100) + "\n" + Runtime, 1 + 64 },
        { "unclosed arrays", Runtime + "junk = " + new string('[', 100_000), 5 },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Nesting_beyond_64_levels_is_one_coded_error_at_its_line(string what, string text, int line)
    {
        var result = TomlDocumentReader.Parse(text, Path);

        result.Succeeded.ShouldBeFalse(what);
        var error = result.Errors.ShouldHaveSingleItem(what);
        error.Code.ShouldBe("VSTK1001");
        error.Message.ShouldContain("nested more than 64 levels deep");
        error.Location.ShouldNotBeNull().File.ShouldBe(Path);
        error.Location.Line.ShouldBe(line, what);
        error.Location.Column.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_error_points_at_the_first_token_too_deep()
    {
        var text = "junk = " + new string('[', 70) + new string(']', 70) + "\n" + Runtime;

        var error = TomlDocumentReader.Parse(text, Path).Errors.ShouldHaveSingleItem();

        // "junk = " is 7 characters; the 65th bracket is the first one too deep.
        error.Location!.Column.ShouldBe(8 + 64);
    }

    public static TheoryData<string, string> AtTheLimit => new()
    {
        { "a 64-segment header", Runtime + "[" + Dotted(64) + "]\nx = 1\n" },
        { "64 nested arrays", "junk = " + new string('[', 64) + new string(']', 64) + "\n" + Runtime },
        { "64 nested inline tables", "junk = " + string.Concat(Enumerable.Repeat("{a=", 64)) + "1" + new string('}', 64) + "\n" + Runtime },
        { "62 nested arrays in an array-of-tables element", Runtime + "junk = " + new string('[', 62) + new string(']', 62) + "\n" },
        { "a 60-segment header with four arrays", Runtime + "[" + Dotted(60) + "]\njunk = [[[[1]]]]\n" },
        { "a 64-level array of tables", Runtime + "[[" + Dotted(63) + "]]\nx = 1\n" },
        { "a 64-segment dotted key under [tool] (64 tables in all)", Runtime + "[tool]\n" + Dotted(64) + " = 1\n" },
        { "brackets in strings", Runtime + "x = \"" + new string('[', 100) + "\"\ny = '" + new string('{', 100) + "'\n" },
        { "brackets in multi-line strings", Runtime + "x = \"\"\"\n" + new string('[', 100) + "\n\"\"\"\ny = '''\n" + new string('[', 100) + "\n'''\n" },
        { "brackets in comments", Runtime + "# " + new string('[', 100) + "\nx = 1 # " + new string('{', 100) + "\n" },
        { "a quoted key full of dots", Runtime + "\"" + Dotted(100) + "\" = 1\n['" + Dotted(100) + "']\nx = 1\n" },
        { "dotted floats and times in values", Runtime + "x = [" + string.Join(", ", Enumerable.Repeat("1.5, 07:32:00.999", 100)) + "]\n" },
        { "many arrays side by side", Runtime + "x = [" + string.Join(", ", Enumerable.Repeat("[[1]]", 1000)) + "]\n" },
    };

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public void Nesting_up_to_64_levels_and_brackets_that_do_not_nest_are_accepted(string what, string text)
    {
        var result = TomlDocumentReader.Parse(text, Path);

        result.Succeeded.ShouldBeTrue($"{what}: {string.Join("\n", result.Errors)}");
    }
}
