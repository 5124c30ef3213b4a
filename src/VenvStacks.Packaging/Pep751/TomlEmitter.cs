using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Pep751;

/// <summary>
/// Writes a tree of TOML data (see <see cref="TomlData"/>) the way tomlkit's <c>dumps()</c> writes plain Python
/// dictionaries, which is the layout of venvstacks' lock files.
/// </summary>
/// <remarks>
/// In every table: first the plain values (scalars and inline arrays) in key order, then the arrays of tables
/// (non-empty lists whose items are all tables) as <c>[[path]]</c> sections, then the sub-tables as <c>[path]</c>
/// sections. A table whose children are all tables or arrays of tables gets no header of its own (a "super table").
/// A section header is preceded by a blank line when its table already has content above it, or, for the second and
/// later items of an array of tables, when the previous item was not empty.
/// </remarks>
internal sealed class TomlEmitter
{
    private readonly StringBuilder output;

    private TomlEmitter(StringBuilder output) => this.output = output;

    /// <summary>Appends the document for <paramref name="root"/>.</summary>
    public static void Write(StringBuilder output, IReadOnlyDictionary<string, object> root) =>
        new TomlEmitter(output).WriteTable(root, string.Empty, blankBeforeFirstSection: false);

    private void WriteTable(IReadOnlyDictionary<string, object> table, string path, bool blankBeforeFirstSection)
    {
        var written = 0;
        foreach (var (key, value) in table)
        {
            if (!IsTable(value) && !IsArrayOfTables(value))
            {
                TomlText.AppendKey(output, key);
                output.Append(" = ");
                WriteInlineValue(value);
                output.Append('\n');
                written++;
            }
        }

        foreach (var (key, value) in table)
        {
            if (IsArrayOfTables(value))
            {
                var items = (IReadOnlyList<object>)value;
                var itemPath = ChildPath(path, key);
                for (var i = 0; i < items.Count; i++)
                {
                    var blank = i == 0 ? written > 0 || blankBeforeFirstSection : ((IReadOnlyDictionary<string, object>)items[i - 1]).Count > 0;
                    output.Append(blank ? "\n[[" : "[[").Append(itemPath).Append("]]\n");
                    WriteTable((IReadOnlyDictionary<string, object>)items[i], itemPath, blankBeforeFirstSection: false);
                }

                written++;
            }
        }

        foreach (var (key, value) in table)
        {
            if (value is IReadOnlyDictionary<string, object> child)
            {
                var blank = written > 0 || blankBeforeFirstSection;
                var childPath = ChildPath(path, key);
                if (IsSuperTable(child))
                {
                    WriteTable(child, childPath, blank);
                }
                else
                {
                    output.Append(blank ? "\n[" : "[").Append(childPath).Append("]\n");
                    WriteTable(child, childPath, blankBeforeFirstSection: false);
                }

                written++;
            }
        }
    }

    private void WriteInlineValue(object value)
    {
        switch (value)
        {
            case string text:
                TomlText.AppendString(output, text);
                break;
            case bool flag:
                output.Append(flag ? "true" : "false");
                break;
            case long integer:
                output.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                output.Append(PythonFloat.Repr(number));
                break;
            case DateTimeOffset offsetDateTime:
                output.Append(TomlText.OffsetDateTime(offsetDateTime));
                break;
            case DateTime localDateTime:
                output.Append(TomlText.LocalDateTime(localDateTime));
                break;
            case DateOnly date:
                output.Append(TomlText.LocalDate(date));
                break;
            case TimeOnly time:
                output.Append(TomlText.LocalTime(time));
                break;
            case IReadOnlyDictionary<string, object> table:
                output.Append('{');
                var first = true;
                foreach (var (key, item) in table)
                {
                    output.Append(first ? string.Empty : ", ");
                    TomlText.AppendKey(output, key);
                    output.Append(" = ");
                    WriteInlineValue(item);
                    first = false;
                }

                output.Append('}');
                break;
            case IReadOnlyList<object> items:
                output.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    output.Append(i == 0 ? string.Empty : ", ");
                    WriteInlineValue(items[i]);
                }

                output.Append(']');
                break;
            default:
                throw new InvalidOperationException($"'{value.GetType().Name}' is not a TOML value type");
        }
    }

    private static string ChildPath(string path, string key)
    {
        var builder = new StringBuilder(path);
        if (path.Length > 0)
        {
            builder.Append('.');
        }

        TomlText.AppendKey(builder, key);
        return builder.ToString();
    }

    private static bool IsTable(object value) => value is IReadOnlyDictionary<string, object>;

    private static bool IsArrayOfTables(object value) =>
        value is IReadOnlyList<object> { Count: > 0 } items && items.All(IsTable);

    private static bool IsSuperTable(IReadOnlyDictionary<string, object> table) =>
        table.Count > 0 && table.Values.All(v => IsTable(v) || IsArrayOfTables(v));
}
