using VenvStacks.Core.Locking;
using VenvStacks.Packaging.Pep503;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>One package of the host-platform comparison.</summary>
/// <param name="Name">The normalised name.</param>
/// <param name="Layer">The lowest layer whose linux_x86_64 resolution has it, or null when only pip has it.</param>
/// <param name="Ours">Our version, or null.</param>
/// <param name="Pip">pip's version, or null.</param>
internal sealed record PackageAgreement(string Name, string? Layer, string? Ours, string? Pip)
{
    public bool Agrees => Ours is not null && Ours == Pip;
}

/// <summary>
/// Compares the lock engine's linux_x86_64 resolutions (each layer's own packages, lower layers first) with pip's
/// single resolution of all three layers' requirements on the host (CPython 3.11, linux x86_64).
/// </summary>
internal static class PipAgreement
{
    public const string HostPlatform = "linux_x86_64";

    public static IReadOnlyList<PackageAgreement> Compare(LockRun run, IReadOnlyList<PipReportItem> pip)
    {
        var pipVersions = pip.ToDictionary(p => NormalizedName.From(p.Name).Value, p => p.Version, StringComparer.Ordinal);
        var rows = new List<PackageAgreement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in run.Resolutions.Where(r => r.Platform == HostPlatform))
        {
            if (call.Outcome is not PlatformResolved resolved)
            {
                continue;
            }

            foreach (var package in resolved.Packages.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (seen.Add(package.Name))
                {
                    rows.Add(new PackageAgreement(package.Name, call.Layer, package.Version.ToString(), pipVersions.GetValueOrDefault(package.Name)));
                }
            }
        }

        rows.AddRange(pipVersions.Keys.Where(name => !seen.Contains(name)).Order(StringComparer.Ordinal)
            .Select(name => new PackageAgreement(name, null, null, pipVersions[name])));
        return rows;
    }
}
