using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VenvStacks.Core.Json;

/// <summary>
/// Writes JSON exactly as Python's <c>json.dumps(data, indent=2, sort_keys=True)</c> does, because venvstacks'
/// metadata files are compared byte for byte: two-space indents, <c>": "</c> and <c>","</c> separators, keys sorted
/// by code point, non-ASCII escaped as lowercase <c>\uXXXX</c>, empty containers as <c>[]</c> and <c>{}</c>.
/// </summary>
public static class PythonJson
{
    /// <summary>Serialises <paramref name="node"/> (no trailing newline).</summary>
    public static string Serialize(JsonNode? node, bool sortKeys = true)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0, sortKeys);
        return builder.ToString();
    }

    /// <summary>Serialises and adds the trailing LF venvstacks writes at the end of its files.</summary>
    public static string SerializeFile(JsonNode? node) => Serialize(node) + "\n";

    private static void Write(StringBuilder builder, JsonNode? node, int depth, bool sortKeys)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj, depth, sortKeys);
                break;
            case JsonArray array:
                WriteArray(builder, array, depth, sortKeys);
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int depth, bool sortKeys)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        IEnumerable<KeyValuePair<string, JsonNode?>> entries = obj;
        if (sortKeys)
        {
            entries = entries.OrderBy(e => e.Key, StringComparer.Ordinal);
        }

        builder.Append('{');
        var first = true;
        foreach (var (key, value) in entries)
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;
            Indent(builder, depth + 1);
            WriteString(builder, key);
            builder.Append(": ");
            Write(builder, value, depth + 1, sortKeys);
        }

        builder.Append('\n');
        Indent(builder, depth);
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int depth, bool sortKeys)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            builder.Append(i == 0 ? "\n" : ",\n");
            Indent(builder, depth + 1);
            Write(builder, array[i], depth + 1, sortKeys);
        }

        builder.Append('\n');
        Indent(builder, depth);
        builder.Append(']');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(value.ToJsonString());
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    // UTF-16 code units map directly onto Python's \uXXXX escapes, surrogate pairs included.
                    if (c < 0x20 || c > 0x7e)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);
}
