using System.Globalization;

namespace VenvStacks.Core.Publishing;

/// <summary>What writing one archive took.</summary>
/// <param name="BytesIn">Uncompressed bytes archived (headers and file data).</param>
/// <param name="BytesOut">Archive bytes written.</param>
/// <param name="Elapsed">Time taken.</param>
public readonly record struct ArchiveStatistics(long BytesIn, long BytesOut, TimeSpan Elapsed)
{
    /// <summary>The figures as a log line reads them: <c>123.4 MB in, 30.1 MB out, 12.3 s</c>.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{BytesIn / 1e6:0.0} MB in, {BytesOut / 1e6:0.0} MB out, {Elapsed.TotalSeconds:0.0} s");
}
