using System.Text.Json.Nodes;
using VenvStacks.Core.Json;

namespace VenvStacks.Core.Tests.Json;

public class PythonJsonTests
{
    [Fact]
    public void Output_matches_python_json_dumps_with_indent_2_and_sorted_keys()
    {
        // Expected text produced by: json.dumps({"b": [1, {"z": None, "a": True}], "a": "x", "c": [], "d": {}}, indent=2, sort_keys=True)
        var node = new JsonObject
        {
            ["b"] = new JsonArray(1, new JsonObject { ["z"] = null, ["a"] = true }),
            ["a"] = "x",
            ["c"] = new JsonArray(),
            ["d"] = new JsonObject(),
        };

        PythonJson.Serialize(node).ShouldBe(
            "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    {\n      \"a\": true,\n      \"z\": null\n    }\n  ],\n  \"c\": [],\n  \"d\": {}\n}");
    }

    [Fact]
    public void Non_ascii_and_control_characters_are_escaped_like_ensure_ascii()
    {
        // json.dumps("é🐸\x01\"\\\x7f<>&") == '"\\u00e9\\ud83d\\udc38\\u0001\\"\\\\\\u007f<>&"'
        PythonJson.Serialize(JsonValue.Create("é🐸\u0001\"\\\u007f<>&"))
            .ShouldBe("\"\\u00e9\\ud83d\\udc38\\u0001\\\"\\\\\\u007f<>&\"");
    }

    [Fact]
    public void File_form_ends_with_a_newline()
    {
        PythonJson.SerializeFile(new JsonObject { ["lock_version"] = 5 }).ShouldBe("{\n  \"lock_version\": 5\n}\n");
    }
}
