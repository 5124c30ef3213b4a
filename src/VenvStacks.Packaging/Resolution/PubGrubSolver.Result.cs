using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Resolution;

/// <content>Turning the final partial solution into the public result.</content>
internal sealed partial class PubGrubSolver
{
    private ResolutionResult BuildResolution()
    {
        var chosen = new Dictionary<NormalizedName, (int Version, CandidateSet Candidates, SortedSet<string> Extras)>();
        foreach (var package in _packages)
        {
            var version = _solution.DecidedVersion(package.Id);
            if (package.IsRoot || version < 0)
            {
                continue;
            }

            if (!chosen.TryGetValue(package.Name, out var entry))
            {
                chosen[package.Name] = entry = (version, package.Candidates!, new SortedSet<string>(StringComparer.Ordinal));
            }

            if (package.IsExtra)
            {
                entry.Extras.Add(package.Extra!);
                if (_metadataUsed.TryGetValue((package.Id, version), out var metadata)
                    && !metadata.ProvidesExtra.Any(extra => PackageName.Canonicalize(extra) == package.Extra)
                    && !SelectDependencies(package, metadata).Any())
                {
                    Warn($"{package.Name} {package.Candidates!.VersionAt(version)} does not provide the extra '{package.Extra}'.");
                }
            }
        }

        var edges = DependencyChains.CollectEdges(_applied, _packages, _solution);
        var chains = DependencyChains.Shortest(edges);
        var packages = chosen
            .OrderBy(pair => pair.Key)
            .Select(pair =>
            {
                var (version, candidates, extras) = pair.Value;
                var wheels = candidates.Wheels[version];
                return new ResolvedPackage(pair.Key, candidates.VersionAt(version))
                {
                    Extras = [.. extras],
                    Wheel = wheels[0],
                    CompatibleWheels = wheels,
                    RequiredBy = edges.TryGetValue(pair.Key, out var incoming) ? [.. incoming] : [],
                    Chain = chains.TryGetValue(pair.Key, out var chain) ? chain : [],
                };
            })
            .ToImmutableArray();
        return new ResolutionResult(_target, packages) { Warnings = [.. _warnings], Work = (DecisionCount, ConflictCount) };
    }
}
