using VenvStacks.Core.Locking;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>The index traffic of one measured run, as the loopback server saw it.</summary>
/// <param name="Pages">Project or root pages answered with a body (200).</param>
/// <param name="NotModified">Pages answered <c>304 Not Modified</c>.</param>
/// <param name="Metadata">PEP 658 metadata files served.</param>
/// <param name="Wheels">Wheel files served.</param>
/// <param name="Other">Everything else (redirects, 404s).</param>
internal sealed record Traffic(int Pages, int NotModified, int Metadata, int Wheels, int Other)
{
    public int Total => Pages + NotModified + Metadata + Wheels + Other;

    public static Traffic From(IReadOnlyList<RecordedRequest> requests)
    {
        int pages = 0, notModified = 0, metadata = 0, wheels = 0, other = 0;
        foreach (var request in requests)
        {
            var path = request.Path;
            if (request.Status == 304)
            {
                notModified++;
            }
            else if (request.Status == 200 && path.StartsWith("/simple/", StringComparison.Ordinal))
            {
                pages++;
            }
            else if (request.Status == 200 && path.EndsWith(".metadata", StringComparison.Ordinal))
            {
                metadata++;
            }
            else if (request.Status == 200 && path.EndsWith(".whl", StringComparison.Ordinal))
            {
                wheels++;
            }
            else
            {
                other++;
            }
        }

        return new Traffic(pages, notModified, metadata, wheels, other);
    }

    public override string ToString() =>
        $"{Total} requests ({Pages} pages, {NotModified} × 304, {Metadata} metadata, {Wheels} wheels, {Other} other)";
}

/// <summary>One timed <see cref="LockEngine.LockAsync"/> run.</summary>
/// <param name="Wall">Spec load + resolver construction + lock, end to end.</param>
/// <param name="Resolutions">Every resolver call with its time.</param>
/// <param name="Traffic">The index requests the run made.</param>
/// <param name="Result">The engine's result.</param>
internal sealed record LockRun(TimeSpan Wall, IReadOnlyList<TimedResolution> Resolutions, Traffic Traffic, LockRunResult Result)
{
    /// <summary>The resolver time of one platform summed over the layers.</summary>
    public TimeSpan PlatformTime(string platform) =>
        TimeSpan.FromTicks(Resolutions.Where(r => r.Platform == platform).Sum(r => r.Elapsed.Ticks));

    /// <summary>All resolver time.</summary>
    public TimeSpan ResolverTime => TimeSpan.FromTicks(Resolutions.Sum(r => r.Elapsed.Ticks));
}
