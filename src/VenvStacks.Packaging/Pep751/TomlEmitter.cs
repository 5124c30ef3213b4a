using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Pep751;

/// <summary>
/// Writes a tree of TOML data (see <see cref="TomlData"/>) the way tomlkit's <c>dumps()</c> writes plain Python
/// dictionaries, which is the layout of venvstacks' lock files.
/// </summary>
/// <remarks>
/// <para>Order: plain values (scalars and inline arrays) come first in every table. Then the sections (arrays of
/// tables, i.e. non-empty lists whose items are all tables, as <c>[[path]]</c>; tables as <c>[path]</c>) follow in key
/// order, except inside the items of an array of tables, where tomlkit moves table-valued keys after all others. A table
/// whose children are all sections gets no header of its own (a "super table").</para>
/// <para>Blank lines: a table section is preceded by a blank line when anything was written in its table before it; the
/// first item of an array of tables when some key came before the array in key order (tomlkit decides this when the
/// key is added, before plain values are moved up); later items when the previous item was not empty.</para>
/// </remarks>
internal sealed class TomlEmitter
{
    private readonly StringBuilder _output;

    private TomlEmitter(StringBuilder output) => this._output = output;

    /// <summary>Appends the document for <paramref name="root"/>.</summary>
    public static void Write(StringBuilder output, IReadOnlyDictionary<string, object> root) =>
        new TomlEmitter(output).WriteTable(root, string.Empty, blankBeforeFirstSection: false, isArrayItem: false);

    private void WriteTable(IReadOnlyDictionary<string, object> table, string path, bool blankBeforeFirstSection, bool isArrayItem)
    {
        var entries = isArrayItem ? TablesLast(table) : table.ToArray();
        var written = 0;
        foreach (var (key, value) in entries)
        {
            if (!IsSection(value))
            {
                TomlText.AppendKey(_output, key);
                _output.Append(" = ");
                WriteInlineValue(value, isArrayItem: false);
                _output.Append('\n');
                written++;
            }
        }

        for (var index = 0; index < entries.Length; index++)
        {
            var (key, value) = entries[index];
            var childPath = ChildPath(path, key);
            if (IsArrayOfTables(value))
            {
                var items = (IReadOnlyList<object>)value;
                for (var i = 0; i < items.Count; i++)
                {
                    var blank = i == 0 ? index > 0 || blankBeforeFirstSection : ((IReadOnlyDictionary<string, object>)items[i - 1]).Count > 0;
                    _output.Append(blank ? "\n[[" : "[[").Append(childPath).Append("]]\n");
                    WriteTable((IReadOnlyDictionary<string, object>)items[i], childPath, blankBeforeFirstSection: false, isArrayItem: true);
                }

                written++;
            }
            else if (value is IReadOnlyDictionary<string, object> child)
            {
                var blank = written > 0 || blankBeforeFirstSection;
                if (IsSuperTable(child))
                {
                    WriteTable(child, childPath, blank, isArrayItem: false);
                }
                else
                {
                    _output.Append(blank ? "\n[" : "[").Append(childPath).Append("]\n");
                    WriteTable(child, childPath, blankBeforeFirstSection: false, isArrayItem: false);
                }

                written++;
            }
        }
    }

    private void WriteInlineValue(object value, bool isArrayItem)
    {
        switch (value)
        {
            case string text:
                TomlText.AppendString(_output, text);
                break;
            case bool flag:
                _output.Append(flag ? "true" : "false");
                break;
            case long integer:
                _output.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                _output.Append(PythonFloat.Repr(number));
                break;
            case DateTimeOffset offsetDateTime:
                _output.Append(TomlText.OffsetDateTime(offsetDateTime));
                break;
            case DateTime localDateTime:
                _output.Append(TomlText.LocalDateTime(localDateTime));
                break;
            case DateOnly date:
                _output.Append(TomlText.LocalDate(date));
                break;
            case TimeOnly time:
                _output.Append(TomlText.LocalTime(time));
                break;
            case IReadOnlyDictionary<string, object> table:
                _output.Append('{');
                var first = true;
                foreach (var (key, item) in isArrayItem ? TablesLast(table) : table.ToArray())
                {
                    _output.Append(first ? string.Empty : ", ");
                    TomlText.AppendKey(_output, key);
                    _output.Append(" = ");
                    WriteInlineValue(item, isArrayItem: false);
                    first = false;
                }

                _output.Append('}');
                break;
            case IReadOnlyList<object> items:
                _output.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    _output.Append(i == 0 ? string.Empty : ", ");
                    WriteInlineValue(items[i], isArrayItem: true);
                }

                _output.Append(']');
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

    // tomlkit builds the items of arrays with their table-valued keys sorted last (a stable sort).
    private static KeyValuePair<string, object>[] TablesLast(IReadOnlyDictionary<string, object> table) =>
        table.Where(e => !IsTable(e.Value)).Concat(table.Where(e => IsTable(e.Value))).ToArray();

    private static bool IsSection(object value) => IsTable(value) || IsArrayOfTables(value);

    private static bool IsTable(object value) => value is IReadOnlyDictionary<string, object>;

    private static bool IsArrayOfTables(object value) =>
        value is IReadOnlyList<object> { Count: > 0 } items && items.All(IsTable);

    private static bool IsSuperTable(IReadOnlyDictionary<string, object> table) =>
        table.Count > 0 && table.Values.All(IsSection);
}
