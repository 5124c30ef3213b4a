using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Packaging.Tests.Pep751;

/// <summary>
/// Lock files nested deeper than the TOML nesting limit, or with text the TOML parser fails on, are format errors at
/// the offending line, never a stack overflow or another exception; the limit itself is accepted (docs/errors.md, VSTK2006).
/// </summary>
public sealed class PyLockHostileTextTests
{
    private const string Valid = "lock-version = \"1.0\"\ncreated-by = \"uv\"\npackages = []\n";

    public static TheoryData<string, string, int> TooDeep => new()
    {
        { "a 100-deep array", Valid + "junk = " + new string('[', 100) + new string(']', 100) + "\n", 4 },
        { "a 100-deep inline table", Valid + "junk = " + string.Concat(Enumerable.Repeat("{a=", 100)) + "1" + new string('}', 100) + "\n", 4 },
        { "a 20,000-segment table header", Valid + "[tool." + string.Join('.', Enumerable.Repeat("a", 20_000)) + "]\nx = 1\n", 4 },
        { "a 20,000-segment dotted key", Valid + "[tool]\n" + string.Join('.', Enumerable.Repeat("a", 20_000)) + " = 1\n", 5 },
        { "an array opened on a later line", Valid + "junk = [\n" + string.Concat(Enumerable.Repeat("[\n", 99)) + new string(']', 100) + "\n", 4 + 64 },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Nesting_beyond_the_limit_is_a_format_error_at_the_offending_line(string what, string text, int line)
    {
        var error = Should.Throw<PackagingFormatException>(() => PyLock.Parse(text), what);

        error.Message.ShouldStartWith("Invalid pylock.toml: ");
        error.Message.ShouldContain("nested more than 64 levels deep");
        error.Message.ShouldContain($"(line {line}, column");
        error.Input.ShouldBe(text);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        // [tool] is one level; 63 more header segments, or 63 arrays under one key, reach exactly 64.
        var header = "[tool." + string.Join('.', Enumerable.Repeat("a", 63)) + "]\nx = 1\n";
        var arrays = "[tool]\njunk = " + new string('[', 63) + new string(']', 63) + "\n";

        PyLock.Parse(Valid + header).Tool.ShouldNotBeNull();
        PyLock.Parse(Valid + arrays).Tool.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("x = \"\\\ud83d\ude00\"\n")]
    [InlineData("\"a\\\ud83d\ude00\" = 1\n")]
    [InlineData("x = \"\"\"\\\ud83d\ude00\n\"\"\"\n")]
    public void A_backslash_before_a_character_outside_the_bmp_is_a_format_error(string line)
    {
        var text = Valid + line;

        var error = Should.Throw<PackagingFormatException>(() => PyLock.Parse(text));

        error.Message.ShouldContain("is not an escape sequence");
        error.Message.ShouldContain("(line 4, column");
    }

    [Fact]
    public void A_backslash_before_such_a_character_in_a_literal_string_is_text()
    {
        PyLock.Parse(Valid + "[tool]\nx = 'C:\\\ud83d\ude00'\n").Tool!["x"].ShouldBe("C:\\\ud83d\ude00");
    }
}
