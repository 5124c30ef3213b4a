using System.Collections.Concurrent;
using System.Diagnostics;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>One HTTP exchange: when it started and ended (headers and body), and what came back.</summary>
internal sealed record TimedExchange(Uri Url, int Status, long Start, long End, byte[] Body)
{
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Start, End);
}

/// <summary>
/// Times every request the index client sends, body included (it is buffered here, which is what the client does with
/// the small pages and metadata files of the benchmark anyway), and keeps the bodies for parsing benchmarks.
/// </summary>
internal sealed class TimingHttpHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<TimedExchange> _exchanges = new();

    public IReadOnlyList<TimedExchange> Exchanges => [.. _exchanges];

    /// <summary>The time during which at least one request was in flight.</summary>
    public TimeSpan BusyTime
    {
        get
        {
            var busy = 0L;
            var coveredUntil = long.MinValue;
            foreach (var exchange in _exchanges.OrderBy(e => e.Start))
            {
                var from = Math.Max(exchange.Start, coveredUntil);
                if (exchange.End > from)
                {
                    busy += exchange.End - from;
                    coveredUntil = exchange.End;
                }
            }

            return TimeSpan.FromSeconds(busy / (double)Stopwatch.Frequency);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        _exchanges.Enqueue(new TimedExchange(request.RequestUri!, (int)response.StatusCode, start, Stopwatch.GetTimestamp(), body));
        return response;
    }
}
