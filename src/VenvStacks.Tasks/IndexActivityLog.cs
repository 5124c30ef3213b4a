using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Tasks;

/// <summary>
/// Logs package index events without flooding the console: each event goes to the detailed log, retries (rare and
/// worth knowing about while waiting) at normal importance, and one summary line with counts and sizes at the end.
/// Events arrive from several threads at once.
/// </summary>
internal sealed class IndexActivityLog(TaskLoggingHelper log)
{
    private int _pagesDownloaded;
    private int _pagesNotModified;
    private int _pagesFromCache;
    private int _filesDownloaded;
    private int _filesFromCache;
    private int _retries;
    private long _bytesDownloaded;

    /// <summary>Records one event (the index client's log callback).</summary>
    public void Record(IndexEvent indexEvent)
    {
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
                log.LogMessage(MessageImportance.Normal, "Package index: retrying {0} ({1})", indexEvent.Url, indexEvent.Detail ?? "transient failure");
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
