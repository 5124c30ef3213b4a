using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Locking;

/// <summary>
/// Writes the shortest marker that selects exactly a subset of a layer's target platforms: whole operating systems
/// as <c>sys_platform == '…'</c>, single platforms as <c>platform_machine == '…' and sys_platform == '…'</c>
/// (the forms uv and venvstacks locks use), joined with <c>or</c>.
/// </summary>
public static class PlatformMarkers
{
    private static readonly TargetOperatingSystem[] SystemOrder =
        [TargetOperatingSystem.Linux, TargetOperatingSystem.MacOS, TargetOperatingSystem.Windows];

    /// <summary>The marker text (single-quoted), or null when the subset is every target platform.</summary>
    public static string? For(IReadOnlyCollection<TargetPlatform> subset, IReadOnlyCollection<TargetPlatform> layerPlatforms)
    {
        if (layerPlatforms.All(subset.Contains))
        {
            return null;
        }

        var clauses = new List<string>();
        foreach (var system in SystemOrder)
        {
            var all = layerPlatforms.Where(p => p.OperatingSystem == system).ToList();
            var selected = all.Where(subset.Contains).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            if (selected.Count == 0)
            {
                continue;
            }

            if (selected.Count == all.Count)
            {
                clauses.Add($"sys_platform == '{selected[0].SysPlatform}'");
                continue;
            }

            clauses.AddRange(selected.Select(p => $"platform_machine == '{p.PlatformMachine}' and sys_platform == '{p.SysPlatform}'"));
        }

        if (clauses.Count == 0)
        {
            throw new ArgumentException("A platform marker needs at least one of the layer's platforms", nameof(subset));
        }

        return Marker.Parse(string.Join(" or ", clauses)).ToSingleQuotedString();
    }
}
