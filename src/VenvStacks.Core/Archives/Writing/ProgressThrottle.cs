using System.Diagnostics;

namespace VenvStacks.Core.Archives.Writing;

/// <summary>Reports archive progress at most every 100 ms (a huge tree has tens of thousands of entries) and at the end.</summary>
internal sealed class ProgressThrottle
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly IProgress<ArchiveProgress>? _progress;
    private readonly Func<(long BytesIn, long BytesOut, long Entries)> _read;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;

    public ProgressThrottle(IProgress<ArchiveProgress>? progress, Func<(long BytesIn, long BytesOut, long Entries)> read)
    {
        _progress = progress;
        _read = read;
    }

    public void Tick()
    {
        if (_progress is not null && _clock.Elapsed - _last >= Interval)
        {
            Report();
        }
    }

    public void Report()
    {
        if (_progress is not null)
        {
            _last = _clock.Elapsed;
            var (bytesIn, bytesOut, entries) = _read();
            _progress.Report(new ArchiveProgress(bytesIn, bytesOut, entries, _last));
        }
    }
}
