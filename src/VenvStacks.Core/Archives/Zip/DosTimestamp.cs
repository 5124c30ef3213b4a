namespace VenvStacks.Core.Archives.Zip;

/// <summary>
/// The MS-DOS date and time fields of zip headers. Like venvstacks (docs/venvstacks-reference.md §4.4) they hold
/// the UTC clock reading, not local time, so that the bytes do not depend on the machine's time zone; seconds are
/// rounded down to even, the field's resolution.
/// </summary>
internal static class DosTimestamp
{
    public static readonly DateTime Earliest = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Latest = new(2107, 12, 31, 23, 59, 58, DateTimeKind.Utc);

    public static (ushort Time, ushort Date) FromUtc(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        var time = (ushort)((utc.Hour << 11) | (utc.Minute << 5) | (utc.Second / 2));
        var date = (ushort)(((utc.Year - 1980) << 9) | (utc.Month << 5) | utc.Day);
        return (time, date);
    }

    /// <summary>The UTC time the fields stand for.</summary>
    public static DateTimeOffset ToUtc(ushort time, ushort date) =>
        new(1980 + (date >> 9), (date >> 5) & 0xF, date & 0x1F, time >> 11, (time >> 5) & 0x3F, (time & 0x1F) * 2, TimeSpan.Zero);
}
