using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Tasks;

/// <summary>
/// Logs package index events without flooding the console: each event goes to the detailed log; retries, and waits
/// in which nothing arrives from the index, at high importance (the default console verbosity shows only those, and a
/// silent console while an index hangs looks like a hung build); one summary line with counts and sizes at the end.
/// Events arrive from several threads at once.
/// </summary>
internal sealed class IndexActivityLog(TaskLoggingHelper log, TimeProvider time)
{
    private int _pagesDownloaded;
    private int _pagesNotModified;
    private int _pagesFromCache;
    private int _filesDownloaded;
    private int _filesFromCache;
    private int _retries;
    private long _bytesDownloaded;
    private long _lastActivityTicks = time.GetUtcNow().UtcTicks;
    private long _lastNoticeTicks;
    private string? _step;

    /// <summary>How long nothing must arrive from the index before <see cref="ReportLongWait"/> says so (and again after as long).</summary>
    public TimeSpan LongWait { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Logs a progress line of the lock engine (<c>Locking &lt;layer&gt; for ...</c>) at high importance; waits are
    /// counted from here and named after it.
    /// </summary>
    public void Progress(string line)
    {
        log.LogMessage(MessageImportance.High, "{0}", line);
        Volatile.Write(ref _step, line);
        MarkActivity();
    }

    /// <summary>
    /// Called periodically while locking: when nothing arrived from the index for <see cref="LongWait"/> since the
    /// last event or notice, logs <c>&lt;progress line&gt;: still waiting, nothing received from the package index for N s</c>.
    /// </summary>
    public void ReportLongWait()
    {
        var step = Volatile.Read(ref _step);
        var now = time.GetUtcNow().UtcTicks;
        var quiet = TimeSpan.FromTicks(now - Interlocked.Read(ref _lastActivityTicks));
        if (step is null || quiet < LongWait || TimeSpan.FromTicks(now - Interlocked.Read(ref _lastNoticeTicks)) < LongWait)
        {
            return;
        }

        Interlocked.Exchange(ref _lastNoticeTicks, now);
        log.LogMessage(
            MessageImportance.High,
            "{0}: still waiting, nothing received from the package index for {1} s",
            step,
            ((int)quiet.TotalSeconds).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Records one event (the index client's log callback).</summary>
    public void Record(IndexEvent indexEvent)
    {
        MarkActivity();
        switch (indexEvent.Kind)
        {
            case IndexEventKind.PageDownloaded:
                Interlocked.Increment(ref _pagesDownloaded);
                Interlocked.Add(ref _bytesDownloaded, Bytes(indexEvent.Detail));
                break;
            case IndexEventKind.PageNotModified:
                Interlocked.Increment(ref _pagesNotModified);
                break;
            case IndexEventKind.PageFromCache:
                Interlocked.Increment(ref _pagesFromCache);
                break;
            case IndexEventKind.FileDownloaded:
                Interlocked.Increment(ref _filesDownloaded);
                Interlocked.Add(ref _bytesDownloaded, Bytes(indexEvent.Detail));
                break;
            case IndexEventKind.FileFromCache:
                Interlocked.Increment(ref _filesFromCache);
                break;
            case IndexEventKind.Retrying:
                Interlocked.Increment(ref _retries);
                log.LogMessage(MessageImportance.High, "Package index: retrying {0} ({1})", indexEvent.Url, indexEvent.Detail ?? "transient failure");
                return;
        }

        log.LogMessage(MessageImportance.Low, "Package index: {0} {1}{2}", indexEvent.Kind, indexEvent.Url, indexEvent.Detail is null ? string.Empty : " (" + indexEvent.Detail + ")");
    }

    /// <summary>The summary line, or null when the index was never used.</summary>
    public string? Summary()
    {
        var pages = _pagesDownloaded + _pagesNotModified + _pagesFromCache;
        var files = _filesDownloaded + _filesFromCache;
        if (pages + files + _retries == 0)
        {
            return null;
        }

        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Package index: {pages} project pages ({_pagesDownloaded} downloaded, {_pagesNotModified} unchanged, {_pagesFromCache} from the offline cache), "
            + $"{files} files ({_filesDownloaded} downloaded, {_filesFromCache} from the cache), {Size(Interlocked.Read(ref _bytesDownloaded))} received");
        return _retries == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $", {_retries} retries");
    }

    private void MarkActivity()
    {
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _lastActivityTicks, now);
        Interlocked.Exchange(ref _lastNoticeTicks, now);
    }

    // The client reports sizes as "<n> bytes"; anything else counts as unknown.
    private static long Bytes(string? detail)
    {
        var number = detail?.Split(' ', 2)[0];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : 0;
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB"),
    };
}
