using System.Globalization;
using Tomlyn;

namespace VenvStacks.Core.Specs.Tooling;

/// <summary>
/// Parses <c>exclude-newer</c> values: RFC 3339 / ISO 8601 timestamps (with <c>T</c> or a space, with or without an
/// offset; no offset means UTC) and plain dates (midnight UTC). uv reads a plain date in the machine's time zone;
/// UTC is used here so that a lock does not depend on where it was made.
/// </summary>
public static class ExcludeNewerParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses text; returns false for anything that is not a timestamp or date.</summary>
    public static bool TryParse(string text, out DateTimeOffset cutoff) =>
        DateTimeOffset.TryParseExact(
            text.Trim(),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out cutoff);

    /// <summary>Converts a TOML date-time value (written without quotes).</summary>
    public static DateTimeOffset FromToml(TomlDateTime value) => value.Kind switch
    {
        TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber => value.DateTime.ToUniversalTime(),
        _ => new DateTimeOffset(value.DateTime.DateTime, TimeSpan.Zero),
    };
}
