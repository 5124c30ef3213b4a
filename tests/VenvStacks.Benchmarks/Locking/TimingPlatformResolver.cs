using System.Diagnostics;
using VenvStacks.Core.Locking;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>One resolver call as the lock engine made it.</summary>
/// <param name="Layer">The layer's build name.</param>
/// <param name="Platform">The target platform name.</param>
/// <param name="Elapsed">How long the call took.</param>
/// <param name="Outcome">What it answered.</param>
internal sealed record TimedResolution(string Layer, string Platform, TimeSpan Elapsed, PlatformResolutionOutcome Outcome);

/// <summary>Times every <see cref="IPlatformResolver.ResolveAsync"/> call of the lock engine and keeps the answers.</summary>
internal sealed class TimingPlatformResolver(IPlatformResolver inner) : IPlatformResolver
{
    private readonly List<TimedResolution> _calls = [];

    public IReadOnlyList<TimedResolution> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public async Task<PlatformResolutionOutcome> ResolveAsync(PlatformResolutionRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await inner.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        lock (_calls)
        {
            _calls.Add(new TimedResolution(request.Layer.BuildName, request.Platform.Name, clock.Elapsed, outcome));
        }

        return outcome;
    }
}
