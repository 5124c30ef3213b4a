using System.Collections.Immutable;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// PubGrub (conflict-driven clause learning over version sets, as described for Dart's pub) over the finite version
/// lists of a package index, with extras as virtual packages and unusable versions as external incompatibilities.
/// </summary>
/// <remarks>
/// One instance solves one request for one target; it is not thread-safe (the catalog below it is).
/// </remarks>
internal sealed class PubGrubSolver
{
    private const int RootId = 0;

    // How many of a package's next candidates to fetch at once after one was rejected.
    private const int PrefetchBatch = 8;

    private readonly PackageCatalog _catalog;
    private readonly ResolutionRequest _request;
    private readonly ResolutionTarget _target;
    private readonly CandidatePolicy _policy;
    private readonly ImmutableArray<Requirement> _roots;
    private readonly ImmutableArray<ResolutionConstraint> _constraints;
    private readonly List<SolverPackage> _packages = [];
    private readonly Dictionary<(NormalizedName Name, string? Extra), int> _ids = [];
    private readonly Dictionary<NormalizedName, List<int>> _idsByName = [];
    private readonly List<List<Incompatibility>> _byPackage = [];
    private readonly PartialSolution _solution = new();
    private readonly Dictionary<(int Depender, int Target, VersionSet Targets), Incompatibility> _dependencyIndex = [];
    private readonly Dictionary<(int Package, int Version), List<(Requirement Requirement, NormalizedName Target)>> _applied = [];
    private readonly Dictionary<(int Package, int Version), PackageMetadata> _metadataUsed = [];
    private readonly Dictionary<string, MarkerEnvironment> _extraEnvironments = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private int _nextIncompatibilityId;

    public PubGrubSolver(PackageCatalog catalog, ResolutionRequest request, ResolutionTarget target, CandidatePolicy policy, ImmutableArray<Requirement> roots, ImmutableArray<ResolutionConstraint> constraints)
    {
        _catalog = catalog;
        _request = request;
        _target = target;
        _policy = policy;
        _roots = roots;
        _constraints = constraints;
    }

    public int DecisionCount { get; private set; }

    public int ConflictCount { get; private set; }

    public async Task<ResolutionResult> SolveAsync(CancellationToken cancellationToken)
    {
        foreach (var requirement in _roots)
        {
            _catalog.Prefetch(requirement.NormalizedName, requirement.Specifier);
        }

        AddPackage(SolverPackage.Root(RootId));
        AddIncompatibility([(RootId, Term.Negative(VersionSet.Single(1, 0)))], new RootCause());
        var next = RootId;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Propagate(next);
            var package = ChoosePackage();
            if (package < 0)
            {
                return BuildResolution();
            }

            next = await DecideAsync(package).ConfigureAwait(false);
        }
    }

    private void AddPackage(SolverPackage package)
    {
        _packages.Add(package);
        _byPackage.Add([]);
        _solution.AddPackage();
        if (!package.IsRoot)
        {
            if (!_idsByName.TryGetValue(package.Name, out var ids))
            {
                _idsByName[package.Name] = ids = [];
            }

            ids.Add(package.Id);
            _ids[(package.Name, package.Extra)] = package.Id;
        }
    }

    private Incompatibility AddIncompatibility(ImmutableArray<(int Package, Term Term)> terms, IncompatibilityCause cause)
    {
        var incompatibility = new Incompatibility(_nextIncompatibilityId++, terms, cause);
        Register(incompatibility);
        return incompatibility;
    }

    private void Register(Incompatibility incompatibility)
    {
        foreach (var (package, _) in incompatibility.Terms)
        {
            _byPackage[package].Add(incompatibility);
        }
    }

    private void Unregister(Incompatibility incompatibility)
    {
        foreach (var (package, _) in incompatibility.Terms)
        {
            _byPackage[package].Remove(incompatibility);
        }
    }

    // ---- Packages ----

    private async Task EnsurePackagesAsync(IEnumerable<(NormalizedName Name, string? Extra)> keys)
    {
        var missing = keys.Where(key => !_ids.ContainsKey(key)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var names = missing.Select(key => key.Name).Distinct().ToList();
        var listings = await Task.WhenAll(names.Select(_catalog.GetAsync)).ConfigureAwait(false);
        var byName = names.Zip(listings).ToDictionary(pair => pair.First, pair => pair.Second);
        foreach (var (name, extra) in missing)
        {
            var baseId = RegisterReal(byName[name]);
            if (extra is not null && !_ids.ContainsKey((name, extra)))
            {
                AddPackage(SolverPackage.ForExtra(_packages.Count, byName[name], extra, baseId));
            }
        }
    }

    private int RegisterReal(CandidateSet candidates)
    {
        if (_ids.TryGetValue((candidates.Name, null), out var existing))
        {
            return existing;
        }

        var id = _packages.Count;
        AddPackage(SolverPackage.Real(id, candidates));
        foreach (var reason in Enum.GetValues<UnusableReason>())
        {
            if (reason == UnusableReason.None)
            {
                continue;
            }

            var versions = VersionSet.FromPredicate(candidates.Count, index => candidates.Reasons[index] == reason);
            if (!versions.IsEmpty)
            {
                AddIncompatibility([(id, Term.Positive(versions))], new UnusableCause(id, reason));
            }
        }

        foreach (var constraint in _constraints)
        {
            if (constraint.Requirement.NormalizedName != candidates.Name)
            {
                continue;
            }

            var forbidden = candidates.Matching(constraint.Requirement.Specifier).Complement();
            if (!forbidden.IsEmpty)
            {
                AddIncompatibility([(id, Term.Positive(forbidden))], new ConstraintCause(id, constraint));
            }
        }

        return id;
    }

    // ---- Unit propagation and conflict resolution ----

    private void Propagate(int start)
    {
        var changed = new Stack<int>();
        changed.Push(start);
        while (changed.Count > 0)
        {
            var package = changed.Pop();
            var incompatibilities = _byPackage[package];
            for (var i = incompatibilities.Count - 1; i >= 0; i--)
            {
                var incompatibility = incompatibilities[i];
                var unsatisfied = FindUnsatisfied(incompatibility);
                if (unsatisfied == Satisfied)
                {
                    var rootCause = ResolveConflict(incompatibility);
                    var term = FindUnsatisfied(rootCause);
                    if (term < 0)
                    {
                        throw new InvalidOperationException("A learned incompatibility must be almost satisfied after backtracking.");
                    }

                    var (target, targetTerm) = rootCause.Terms[term];
                    _solution.Derive(target, targetTerm.Negate(), rootCause);
                    changed.Clear();
                    changed.Push(target);
                    break;
                }

                if (unsatisfied >= 0)
                {
                    var (target, targetTerm) = incompatibility.Terms[unsatisfied];
                    _solution.Derive(target, targetTerm.Negate(), incompatibility);
                    if (!changed.Contains(target))
                    {
                        changed.Push(target);
                    }
                }
            }
        }
    }

    private const int Satisfied = -1;
    private const int Contradicted = -2;

    /// <summary>
    /// The index of the one term the partial solution is inconclusive about while satisfying the others (the
    /// incompatibility is almost satisfied), <see cref="Satisfied"/> when every term is satisfied (a conflict), or
    /// <see cref="Contradicted"/> when nothing follows.
    /// </summary>
    private int FindUnsatisfied(Incompatibility incompatibility)
    {
        var unsatisfied = Satisfied;
        var terms = incompatibility.Terms;
        for (var i = 0; i < terms.Length; i++)
        {
            var (package, term) = terms[i];
            if (_solution.Accumulated(package) is { } accumulated)
            {
                if (accumulated.IsSubsetOf(term))
                {
                    continue;
                }

                if (accumulated.IsDisjointWith(term))
                {
                    return Contradicted;
                }
            }

            if (unsatisfied != Satisfied)
            {
                return Contradicted;
            }

            unsatisfied = i;
        }

        return unsatisfied;
    }

    private Incompatibility ResolveConflict(Incompatibility conflict)
    {
        ConflictCount++;
        var incompatibility = conflict;
        while (true)
        {
            if (IsTerminal(incompatibility))
            {
                throw new ExplanationWriter(_packages, _request, _target).Failure(incompatibility);
            }

            var terms = incompatibility.Terms;
            var earliest = new int[terms.Length];
            var satisfierTerm = 0;
            for (var i = 0; i < terms.Length; i++)
            {
                earliest[i] = _solution.EarliestSatisfying(terms[i].Package, terms[i].Term);
                if (earliest[i] < 0)
                {
                    throw new InvalidOperationException("Conflict resolution needs a satisfied incompatibility.");
                }

                if (earliest[i] > earliest[satisfierTerm])
                {
                    satisfierTerm = i;
                }
            }

            var satisfierIndex = earliest[satisfierTerm];
            var satisfier = _solution[satisfierIndex];
            var (package, term) = terms[satisfierTerm];
            var previous = -1;
            for (var i = 0; i < terms.Length; i++)
            {
                if (i != satisfierTerm)
                {
                    previous = Math.Max(previous, earliest[i]);
                }
            }

            var satisfierAlone = satisfier.Term.IsSubsetOf(term);
            if (!satisfierAlone)
            {
                previous = Math.Max(previous, _solution.EarliestSatisfying(package, term, satisfierIndex, satisfier.Term));
            }

            var previousLevel = previous >= 0 ? Math.Max(1, _solution[previous].DecisionLevel) : 1;
            if (satisfier.IsDecision || previousLevel != satisfier.DecisionLevel)
            {
                if (!ReferenceEquals(incompatibility, conflict))
                {
                    Register(incompatibility);
                }

                _solution.Backtrack(previousLevel);
                return incompatibility;
            }

            var cause = satisfier.Cause!;
            var priorTerms = terms.Where(entry => entry.Package != package)
                .Concat(cause.Terms.Where(entry => entry.Package != package))
                .ToList();
            if (!satisfierAlone)
            {
                priorTerms.Add((package, satisfier.Term.Intersect(term.Negate()).Negate()));
            }

            var normalized = Incompatibility.Normalize(priorTerms)
                ?? throw new InvalidOperationException("A derived incompatibility cannot contain an impossible term.");
            incompatibility = new Incompatibility(_nextIncompatibilityId++, normalized, new DerivedCause(incompatibility, cause));
        }
    }

    private static bool IsTerminal(Incompatibility incompatibility) =>
        incompatibility.Terms.Length == 0
        || (incompatibility.Terms.Length == 1 && incompatibility.Terms[0].Package == RootId && incompatibility.Terms[0].Term.IsPositive);

    // ---- Decisions ----

    /// <summary>
    /// The next package to decide: the root, then extras whose package is decided (they are forced), then packages
    /// left with a single candidate, then the earliest discovered (close to breadth-first, as pip and uv order).
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
                rank = allowed.Intersect(package.Candidates!.Usable).Count <= 1 ? 2 : 3;
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
        var pool = usable.IsEmpty ? allowed : usable;
        if (_policy.PreferenceFor(package.Name) is { } preferred && package.Candidates.IndexOf(preferred) is var index and >= 0 && pool.Contains(index))
        {
            return index;
        }

        return pool.Highest();
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
                // Deciding would satisfy it at once; propagation will rule the version out instead, and the next
                // versions will be tried one by one: fetch them together now.
                PrefetchNextVersions(package, allowed, version);
                return id;
            }
        }

        _solution.Decide(id, version, candidates.Count);
        return id;
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

    // ---- Result ----

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
