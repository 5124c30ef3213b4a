using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Pep751;

/// <summary>TOML spellings of keys and values, matching what tomlkit writes for plain Python data.</summary>
internal static class TomlText
{
    /// <summary>A bare key when it is made of ASCII letters, digits, <c>-</c> and <c>_</c>; otherwise a quoted key.</summary>
    public static void AppendKey(StringBuilder builder, string key)
    {
        if (key.Length > 0 && key.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            builder.Append(key);
        }
        else
        {
            AppendString(builder, key);
        }
    }

    /// <summary>A single-line basic string. Backslash, double quote and control characters are escaped (short forms
    /// where TOML has them, else <c>\uXXXX</c>); everything else, including non-ASCII, is written as is.</summary>
    public static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < ' ' or '\u007f':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    /// <summary>An offset date-time as Python's <c>isoformat()</c> gives it, with <c>Z</c> for UTC: seconds always,
    /// microseconds only when not zero.</summary>
    public static string OffsetDateTime(DateTimeOffset value)
    {
        var local = LocalDateTime(value.DateTime);
        if (value.Offset == TimeSpan.Zero)
        {
            return local + "Z";
        }

        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{local}{sign}{offset.Hours:00}:{offset.Minutes:00}");
    }

    /// <summary>A local date-time in <c>isoformat()</c> form.</summary>
    public static string LocalDateTime(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'", CultureInfo.InvariantCulture) + LocalTime(TimeOnly.FromDateTime(value));

    /// <summary>A local date, <c>yyyy-MM-dd</c>.</summary>
    public static string LocalDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A local time in <c>isoformat()</c> form: <c>HH:mm:ss</c> plus <c>.ffffff</c> when not zero.</summary>
    public static string LocalTime(TimeOnly value)
    {
        var microseconds = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return microseconds == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}.{microseconds:000000}");
    }
}
