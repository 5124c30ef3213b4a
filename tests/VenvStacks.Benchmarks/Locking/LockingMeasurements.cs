using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>pip run with our linux_x86_64 versions pinned.</summary>
/// <param name="Pins">How many <c>name==version</c> pins were added.</param>
/// <param name="Resolution">pip's resolution, or null when pip found the pinned set inconsistent.</param>
/// <param name="Failure">pip's output when it failed.</param>
internal sealed record PinnedCheck(int Pins, IReadOnlyList<PipReportItem>? Resolution, string? Failure);

/// <summary>Everything one <c>--locking</c> run measured.</summary>
internal sealed class LockingMeasurements
{
    public required SyntheticUniverse Universe { get; init; }

    public required (int Files, long Bytes) Served { get; init; }

    public required LockRun FirstCold { get; init; }

    public required TimeSpan FirstPipWall { get; init; }

    public required IReadOnlyList<PipReportItem> PipResolution { get; init; }

    public required PinnedCheck? PipWithOurPins { get; init; }

    public Samples ColdWall { get; } = new();

    public Samples WarmWall { get; } = new();

    public Samples NoopEndToEnd { get; } = new();

    public Samples NoopLockOnly { get; } = new();

    public Samples NoopPyLockParse { get; } = new();

    public Samples NoopStateRead { get; } = new();

    public FreshProcessNoops FreshProcess { get; set; } = new();

    public Samples PipWall { get; } = new();

    public Samples PipStartup { get; } = new();

    public Samples PipPinnedWall { get; } = new();

    public Dictionary<string, Samples> ColdPlatform { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Samples> WarmPlatform { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Layer, string Platform), Samples> ColdLayerPlatform { get; } = [];

    public Dictionary<(string Layer, string Platform), Samples> WarmLayerPlatform { get; } = [];

    public Dictionary<string, Samples> IsolatedResolver { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Samples> IsolatedWall { get; } = new(StringComparer.Ordinal);

    public Traffic? ColdTraffic { get; set; }

    public Traffic? WarmTraffic { get; set; }

    public Traffic? NoopTraffic { get; set; }

    public Traffic? PipTraffic { get; set; }

    public Traffic? PipPinnedTraffic { get; set; }

    public Dictionary<string, Traffic> IsolatedTraffic { get; } = new(StringComparer.Ordinal);

    public ProfileBreakdown? Profile { get; set; }

    public IReadOnlyList<TimeSpan> ProfileColdRuns { get; set; } = [];

    public static Samples For<TKey>(Dictionary<TKey, Samples> samples, TKey key)
        where TKey : notnull
    {
        if (!samples.TryGetValue(key, out var found))
        {
            samples[key] = found = new Samples();
        }

        return found;
    }
}
