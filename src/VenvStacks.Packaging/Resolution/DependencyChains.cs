using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>Why each resolved package is there: the requirements naming it, and the shortest chain from the root.</summary>
internal static class DependencyChains
{
    /// <summary>Every applied requirement of every chosen package version, keyed by the package it names.</summary>
    public static Dictionary<NormalizedName, List<DependencyEdge>> CollectEdges(
        Dictionary<(int Package, int Version), List<(Requirement Requirement, NormalizedName Target)>> applied,
        IReadOnlyList<SolverPackage> packages,
        PartialSolution solution)
    {
        var edges = new Dictionary<NormalizedName, List<DependencyEdge>>();
        foreach (var ((id, version), requirements) in applied.OrderBy(pair => pair.Key.Package))
        {
            if (solution.DecidedVersion(id) != version)
            {
                continue;
            }

            var package = packages[id];
            foreach (var (requirement, target) in requirements)
            {
                if (!edges.TryGetValue(target, out var list))
                {
                    edges[target] = list = [];
                }

                list.Add(package.IsRoot
                    ? new DependencyEdge(null, null, null, requirement)
                    : new DependencyEdge(package.Name, package.Candidates!.VersionAt(version), package.Extra, requirement));
            }
        }

        return edges;
    }

    /// <summary>For each package, the shortest chain of edges from the root (breadth-first, in requirement order).</summary>
    public static Dictionary<NormalizedName, ImmutableArray<DependencyEdge>> Shortest(Dictionary<NormalizedName, List<DependencyEdge>> edges)
    {
        // The root is keyed by the empty name, which no package can have.
        var outgoing = new Dictionary<NormalizedName, List<DependencyEdge>>();
        foreach (var edge in edges.Values.SelectMany(list => list))
        {
            var from = edge.Dependent ?? default;
            if (!outgoing.TryGetValue(from, out var list))
            {
                outgoing[from] = list = [];
            }

            list.Add(edge);
        }

        var chains = new Dictionary<NormalizedName, ImmutableArray<DependencyEdge>>();
        var queue = new Queue<(NormalizedName Name, ImmutableArray<DependencyEdge> Chain)>();
        queue.Enqueue((default, []));
        while (queue.Count > 0)
        {
            var (name, chain) = queue.Dequeue();
            if (!outgoing.TryGetValue(name, out var list))
            {
                continue;
            }

            foreach (var edge in list)
            {
                var target = edge.Requirement.NormalizedName;
                if (!chains.ContainsKey(target))
                {
                    var extended = chain.Add(edge);
                    chains[target] = extended;
                    queue.Enqueue((target, extended));
                }
            }
        }

        return chains;
    }
}
