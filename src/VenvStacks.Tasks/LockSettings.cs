using System.Globalization;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;

namespace VenvStacks.Tasks;

/// <summary>The lock mode as MSBuild properties spell it, and the one-line account of a lock run.</summary>
internal static class LockSettings
{
    /// <summary>Reads <c>Auto</c>, <c>Locked</c> or <c>Update</c> in any letter case; empty means <c>Auto</c>.</summary>
    public static bool TryParseMode(string? text, out LockMode mode)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            mode = LockMode.Auto;
            return true;
        }

        // Enum.TryParse would also accept numbers ("1") and combinations; only the three names are documented.
        foreach (var candidate in Enum.GetValues<LockMode>())
        {
            if (string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = LockMode.Auto;
        return false;
    }

    /// <summary>What the run did, e.g. <c>Locks of 3 layers (Auto): 1 locked, 2 up to date; 4 lock files written</c>.</summary>
    public static string Summarize(StackSpec spec, LockRunResult result, LockMode mode)
    {
        var counts = result.Layers
            .GroupBy(l => l.Action)
            .ToDictionary(g => g.Key, g => g.Count());
        var parts = new List<string>();
        Add(LayerLockAction.Locked, "locked");
        Add(LayerLockAction.VersionUpdated, "lock version updated");
        Add(LayerLockAction.UpToDate, "up to date");
        Add(LayerLockAction.Failed, "failed");
        var written = result.WrittenFiles.Length switch
        {
            0 => "no lock file changed",
            1 => "1 lock file written",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} lock files written"),
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{spec.SpecPath} -> locks of {spec.Layers.Length} layers ({mode}): {string.Join(", ", parts)}; {written}");

        void Add(LayerLockAction action, string words)
        {
            if (counts.TryGetValue(action, out var count))
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {words}"));
            }
        }
    }
}
