using System.Text;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Packaging.Tests.Pep751;

/// <summary>Layout rules of the TOML writer; expected texts are tomlkit 0.13.3 <c>dumps()</c> output for the same data.</summary>
public sealed class TomlEmitterTests
{
    [Fact]
    public void Empty_array_of_table_items_get_no_blank_line_after_them() =>
        Emit(("aot", new object[] { Table(), Table() })).ShouldBe("[[aot]]\n[[aot]]\n");

    [Fact]
    public void A_table_whose_children_are_all_tables_has_no_header() =>
        Emit(("x", Table(("y", Table(("a", 1L))), ("z", new object[] { Table(("b", 2L)) }))))
            .ShouldBe("[x.y]\na = 1\n\n[[x.z]]\nb = 2\n");

    [Fact]
    public void A_super_table_inherits_the_blank_line_of_its_position() =>
        Emit(("k", 1L), ("x", Table(("y", Table(("a", 1L)))))).ShouldBe("k = 1\n\n[x.y]\na = 1\n");

    [Fact]
    public void Plain_values_move_before_sections_which_keep_their_key_order() =>
        Emit(("t", Table(("a", 1L))), ("late", "v"), ("aot", new object[] { Table(("b", 2L)) }))
            .ShouldBe("late = \"v\"\n\n[t]\na = 1\n\n[[aot]]\nb = 2\n");

    [Fact]
    public void Inside_array_items_table_valued_keys_move_after_arrays_of_tables() =>
        Emit(("p", new object[] { Table(("n", 1L), ("y", Table(("a", 1L))), ("z", new object[] { Table(("b", 2L)) })) }))
            .ShouldBe("[[p]]\nn = 1\n\n[[p.z]]\nb = 2\n\n[p.y]\na = 1\n");

    [Fact]
    public void An_array_of_tables_added_first_gets_no_blank_line_even_when_plain_values_move_above_it() =>
        Emit(("c", new object[] { Table(("y", 1L)) }), ("d", 2L)).ShouldBe("d = 2\n[[c]]\ny = 1\n");

    [Fact]
    public void A_table_added_first_gets_a_blank_line_when_plain_values_move_above_it() =>
        Emit(("a", Table(("x", 1L))), ("b", 1L), ("c", new object[] { Table(("y", 1L)) }), ("d", 2L))
            .ShouldBe("b = 1\nd = 2\n\n[a]\nx = 1\n\n[[c]]\ny = 1\n");

    [Fact]
    public void A_super_table_inside_an_array_item_follows_the_item_header_directly() =>
        Emit(("p", new object[] { Table(("t", Table(("a", Table(("k", 1L)))))) })).ShouldBe("[[p]]\n[p.t.a]\nk = 1\n");

    [Fact]
    public void Empty_sections_still_get_headers() =>
        Emit(("x", Table(("z", new object[] { Table() }), ("y", Table())))).ShouldBe("[[x.z]]\n\n[x.y]\n");

    [Fact]
    public void Keys_are_bare_only_when_made_of_ascii_letters_digits_dash_and_underscore() =>
        Emit(("k.y", 1L), (string.Empty, 2L), ("with space", 3L), ("ünï", 4L), ("ok-key_1", 5L))
            .ShouldBe("\"k.y\" = 1\n\"\" = 2\n\"with space\" = 3\n\"ünï\" = 4\nok-key_1 = 5\n");

    [Fact]
    public void Strings_escape_quotes_backslashes_and_control_characters_only() =>
        Emit(("s", "tab\there \u001b \u007f é \"q\" back\\slash \u2028 nl\nx\u001f\r\f\b"))
            .ShouldBe("s = \"tab\\there \\u001b \\u007f é \\\"q\\\" back\\\\slash \u2028 nl\\nx\\u001f\\r\\f\\b\"\n");

    [Fact]
    public void Date_times_use_python_isoformat_with_z_for_utc() =>
        Emit(
            ("d", new DateTimeOffset(2025, 1, 1, 1, 1, 1, TimeSpan.Zero)),
            ("d2", new DateTimeOffset(2025, 1, 1, 1, 1, 1, TimeSpan.FromMinutes(-330)).AddTicks(50)),
            ("l", new DateTime(2025, 1, 1)),
            ("date", new DateOnly(2025, 1, 2)),
            ("time", new TimeOnly(1, 2, 3).Add(TimeSpan.FromTicks(4000))))
        .ShouldBe("d = 2025-01-01T01:01:01Z\nd2 = 2025-01-01T01:01:01.000005-05:30\nl = 2025-01-01T00:00:00\ndate = 2025-01-02\ntime = 01:02:03.000400\n");

    [Fact]
    public void Inline_arrays_and_tables_separate_items_with_comma_space() =>
        Emit(("a", new object[] { 1L, Table(("b", Table(("c", 1L)))) }), ("e", new object[] { Table(), 1L }), ("n", new object[] { new object[] { 1L, 2L }, Array.Empty<object>() }))
            .ShouldBe("a = [1, {b = {c = 1}}]\ne = [{}, 1]\nn = [[1, 2], []]\n");

    [Fact]
    public void Inline_tables_directly_in_arrays_put_table_valued_keys_last() =>
        Emit(("m", new object[] { Table(("x", Table(("a", 1L))), ("y", 2L)), 1L })).ShouldBe("m = [{y = 2, x = {a = 1}}, 1]\n");

    private static string Emit(params (string Key, object Value)[] entries)
    {
        var output = new StringBuilder();
        TomlEmitter.Write(output, Table(entries));
        return output.ToString();
    }

    private static IReadOnlyDictionary<string, object> Table(params (string Key, object Value)[] entries) =>
        TomlData.FreezeTable(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));
}
