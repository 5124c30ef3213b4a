namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Counts how often a version of one package was thrown out because of a package decided before it, and re-orders
/// the decisions of packages that keep doing this (uv's heuristic, with its threshold of 5). Without it, a package
/// decided early on its newest version (a 2.0) makes the resolver walk every version of a later package (b 2.0.9,
/// 2.0.8, …) down to one that no longer depends on a, instead of keeping b new and choosing an older a.
/// </summary>
internal sealed class ConflictTracker
{
    /// <summary>The number of conflicts after which a package's decision order changes.</summary>
    public const int Threshold = 5;

    private readonly Dictionary<int, int> _affected = [];
    private readonly Dictionary<int, int> _culprit = [];
    private readonly List<int> _prioritize = [];
    private readonly List<int> _deprioritize = [];

    /// <summary>Whether some package reached the threshold since the last <see cref="TakePrioritized"/> /
    /// <see cref="TakeDeprioritized"/>.</summary>
    public bool HasPending => _prioritize.Count > 0 || _deprioritize.Count > 0;

    /// <summary>
    /// Records that a version of <paramref name="affected"/> was rejected because of the decided
    /// <paramref name="culprits"/>; a package is queued the moment its count reaches the threshold (once).
    /// </summary>
    public void Record(int affected, IReadOnlyCollection<int> culprits)
    {
        if (culprits.Count == 0)
        {
            return;
        }

        foreach (var culprit in culprits)
        {
            if (Increment(_culprit, culprit) == Threshold)
            {
                _deprioritize.Add(culprit);
            }
        }

        if (Increment(_affected, affected) == Threshold)
        {
            _prioritize.Add(affected);
        }
    }

    /// <summary>Packages to decide before others from now on (they keep being rejected).</summary>
    public IReadOnlyList<int> TakePrioritized() => Take(_prioritize);

    /// <summary>Packages to decide after the prioritized ones (their decisions keep rejecting others).</summary>
    public IReadOnlyList<int> TakeDeprioritized() => Take(_deprioritize);

    private static int Increment(Dictionary<int, int> counts, int package)
    {
        counts.TryGetValue(package, out var count);
        counts[package] = ++count;
        return count;
    }

    private static int[] Take(List<int> queue)
    {
        var taken = queue.ToArray();
        queue.Clear();
        return taken;
    }
}
