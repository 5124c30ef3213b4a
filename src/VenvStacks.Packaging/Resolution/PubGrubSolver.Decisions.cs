using System.Collections.Immutable;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <content>Decision making: which package next, which version, and its dependencies as incompatibilities.</content>
internal sealed partial class PubGrubSolver
{
    /// <summary>
    /// The next package to decide: the root, then extras whose package is decided (they are forced), then packages
    /// left with a single candidate, then packages that repeated conflicts moved (<see cref="ConflictPriority"/>),
    /// then the earliest discovered (close to breadth-first, as pip and uv order).
    /// </summary>
    private int ChoosePackage()
    {
        var best = -1;
        var bestRank = int.MaxValue;
        foreach (var id in _solution.Undecided())
        {
            var package = _packages[id];
            int rank;
            if (package.IsRoot)
            {
                rank = 0;
            }
            else if (package.IsExtra && _solution.DecidedVersion(package.BaseId) >= 0)
            {
                rank = 1;
            }
            else
            {
                var allowed = _solution.Accumulated(id)!.Value.Versions;
                rank = allowed.Intersect(package.Candidates!.Usable).Count <= 1
                    ? 2
                    : _priorities[id] switch
                    {
                        ConflictPriority.Early => 3,
                        ConflictPriority.Late => 4,
                        _ => 5,
                    };
            }

            if (rank < bestRank)
            {
                best = id;
                bestRank = rank;
            }
        }

        return best;
    }

    private int ChooseVersion(SolverPackage package, VersionSet allowed)
    {
        // A package and its extras share one version: follow whichever was decided first.
        foreach (var sibling in _idsByName[package.Name])
        {
            var decided = _solution.DecidedVersion(sibling);
            if (decided >= 0 && allowed.Contains(decided))
            {
                return decided;
            }
        }

        var usable = allowed.Intersect(package.Candidates!.Usable);
        return _policy.Choose(package.Candidates, usable.IsEmpty ? allowed : usable);
    }

    private async Task<int> DecideAsync(int id)
    {
        DecisionCount++;
        var package = _packages[id];
        if (package.IsRoot)
        {
            await AddDependenciesAsync(id, 0, _roots).ConfigureAwait(false);
            _solution.Decide(id, 0, 1);
            return id;
        }

        var allowed = _solution.Accumulated(id)!.Value.Versions;
        var version = ChooseVersion(package, allowed);
        var candidates = package.Candidates!;
        var added = new List<Incompatibility>();
        if (package.IsExtra)
        {
            var same = VersionSet.Single(candidates.Count, version);
            var itself = new Requirement(candidates.Name.Value, [], SpecifierSet.Parse("==" + candidates.VersionAt(version)), null, null);
            if (AddDependency(id, version, package.BaseId, same, [itself]) is { } link)
            {
                added.Add(link);
            }
        }

        if (candidates.Reasons[version] == UnusableReason.None)
        {
            var metadata = await _catalog.GetMetadataAsync(candidates, version).ConfigureAwait(false);
            if (metadata.RequiresPython is { } requiresPython && !requiresPython.Contains(_target.PythonVersion, prereleases: true))
            {
                AddIncompatibility(
                    [(package.BaseId, Term.Positive(VersionSet.Single(candidates.Count, version)))],
                    new UnusableCause(package.BaseId, UnusableReason.RequiresPython, requiresPython.ToString()));
                if (!package.IsExtra)
                {
                    PrefetchNextVersions(package, allowed, version);
                    return id;
                }
            }
            else
            {
                _metadataUsed[(id, version)] = metadata;
                added.AddRange(await AddDependenciesAsync(id, version, SelectDependencies(package, metadata)).ConfigureAwait(false));
            }
        }

        foreach (var incompatibility in added)
        {
            if (OthersSatisfied(incompatibility, id))
            {
                _conflicts.Record(id, Culprits(incompatibility, package));
                // Deciding would satisfy it at once; propagation will rule the version out instead, and the next
                // versions will be tried one by one: fetch them together now.
                PrefetchNextVersions(package, allowed, version);
                return id;
            }
        }

        _solution.Decide(id, version, candidates.Count);
        return id;
    }

    /// <summary>
    /// The packages whose assignments rejected a version of <paramref name="package"/>; a package's own extras (and
    /// the package of an extra) only copy its version and are not culprits.
    /// </summary>
    private List<int> Culprits(Incompatibility incompatibility, SolverPackage package) =>
        [.. incompatibility.Terms.Select(term => term.Package).Where(other => other != RootId && _packages[other].Name != package.Name)];

    /// <summary>
    /// Applies what <see cref="ConflictTracker"/> queued: often-rejected packages move ahead; a package whose decision
    /// keeps rejecting others moves back and, if decided, is undone with every decision after it, so the
    /// prioritized packages are decided first. Learned incompatibilities stay; propagation re-derives from them.
    /// </summary>
    private void ApplyConflictPriorities()
    {
        foreach (var id in _conflicts.TakePrioritized())
        {
            _priorities[id] = ConflictPriority.Early;
        }

        var backtrackTo = int.MaxValue;
        foreach (var id in _conflicts.TakeDeprioritized())
        {
            // A package already moved either way keeps its place, so two packages cannot swap back and forth.
            if (_priorities[id] != ConflictPriority.None)
            {
                continue;
            }

            _priorities[id] = ConflictPriority.Late;
            if (_solution.DecisionLevelOf(id) is var level and > 1)
            {
                backtrackTo = Math.Min(backtrackTo, level - 1);
            }
        }

        if (backtrackTo != int.MaxValue)
        {
            _solution.Backtrack(backtrackTo);
            Propagate(new Stack<int>(Enumerable.Range(0, _packages.Count)));
        }
    }

    private void PrefetchNextVersions(SolverPackage package, VersionSet allowed, int rejected)
    {
        var candidates = package.Candidates!;
        _catalog.PrefetchVersions(candidates, allowed.Intersect(candidates.Usable).Descending().Where(index => index != rejected).Take(PrefetchBatch));
    }

    private bool OthersSatisfied(Incompatibility incompatibility, int except)
    {
        foreach (var (package, term) in incompatibility.Terms)
        {
            if (package == except)
            {
                continue;
            }

            if (_solution.Accumulated(package) is not { } accumulated || !accumulated.IsSubsetOf(term))
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<Requirement> SelectDependencies(SolverPackage package, PackageMetadata metadata)
    {
        foreach (var requirement in metadata.RequiresDist)
        {
            var applies = Applies(requirement, _target.Markers);
            if (package.IsExtra)
            {
                if (!applies && requirement.Marker is not null && Applies(requirement, EnvironmentFor(package.Extra!)))
                {
                    yield return requirement;
                }
            }
            else if (applies)
            {
                yield return requirement;
            }
        }
    }

    private MarkerEnvironment EnvironmentFor(string extra)
    {
        if (!_extraEnvironments.TryGetValue(extra, out var environment))
        {
            _extraEnvironments[extra] = environment = _target.Markers.WithExtra(extra);
        }

        return environment;
    }

    private bool Applies(Requirement requirement, MarkerEnvironment environment)
    {
        if (requirement.Marker is null)
        {
            return true;
        }

        try
        {
            return requirement.Marker.Evaluate(environment);
        }
        catch (MarkerEvaluationException error)
        {
            Warn($"The marker of '{requirement}' cannot be evaluated on {_target.Name} ({error.Message}); the requirement is ignored.");
            return false;
        }
    }

    private void Warn(string warning)
    {
        if (!_warnings.Contains(warning))
        {
            _warnings.Add(warning);
        }
    }

    private async Task<List<Incompatibility>> AddDependenciesAsync(int id, int version, IEnumerable<Requirement> requirements)
    {
        var groups = new Dictionary<(NormalizedName Name, string? Extra), List<Requirement>>();
        var order = new List<(NormalizedName Name, string? Extra)>();
        var applied = new List<(Requirement Requirement, NormalizedName Target)>();
        foreach (var requirement in requirements)
        {
            if (requirement.Url is not null)
            {
                Warn($"'{requirement}' names a direct URL, which binary index resolution does not follow; its name and versions are resolved from the index instead.");
            }

            var name = requirement.NormalizedName;
            applied.Add((requirement, name));
            _catalog.Prefetch(name, requirement.Specifier);
            var extras = requirement.Extras.IsEmpty
                ? new string?[] { null }
                : requirement.Extras.Select(extra => (string?)PackageName.Canonicalize(extra)).ToArray();
            foreach (var extra in extras)
            {
                var key = (name, extra);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                    order.Add(key);
                }

                list.Add(requirement);
            }
        }

        _applied[(id, version)] = applied;
        await EnsurePackagesAsync(order).ConfigureAwait(false);
        var added = new List<Incompatibility>();
        foreach (var key in order)
        {
            var target = _ids[key];
            var candidates = _packages[target].Candidates!;
            var versions = VersionSet.Full(candidates.Count);
            foreach (var requirement in groups[key])
            {
                versions = versions.Intersect(candidates.Matching(requirement.Specifier));
            }

            if (AddDependency(id, version, target, versions, [.. groups[key]]) is { } incompatibility)
            {
                added.Add(incompatibility);
            }
        }

        return added;
    }

    /// <summary>
    /// Adds "depender at version depends on target in versions", merged with the same dependency of the depender's
    /// other versions (so learned facts cover version ranges, and explanations say <c>a&gt;=2.0</c> rather than
    /// listing versions). Returns null when the dependency can never be violated.
    /// </summary>
    private Incompatibility? AddDependency(int depender, int version, int target, VersionSet versions, ImmutableArray<Requirement> requirements)
    {
        var dependerVersions = VersionSet.Single(_packages[depender].UniverseSize, version);
        var key = (depender, target, versions);
        _dependencyIndex.TryGetValue(key, out var previous);
        if (depender != target && previous?.TermFor(depender) is { } merged)
        {
            dependerVersions = dependerVersions.Union(merged.Versions);
        }

        var terms = Incompatibility.Normalize([(depender, Term.Positive(dependerVersions)), (target, Term.Negative(versions))]);
        if (terms is null)
        {
            return null;
        }

        var incompatibility = new Incompatibility(_nextIncompatibilityId++, terms.Value, new DependencyCause(depender, target, requirements, versions));
        if (previous is not null && depender != target)
        {
            Unregister(previous);
        }

        Register(incompatibility);
        _dependencyIndex[key] = incompatibility;
        return incompatibility;
    }
}
