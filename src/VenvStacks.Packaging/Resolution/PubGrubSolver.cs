using System.Collections.Immutable;
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
internal sealed partial class PubGrubSolver
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
    private readonly ConflictTracker _conflicts = new();
    private readonly List<ConflictPriority> _priorities = [];
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
            if (_conflicts.HasPending)
            {
                ApplyConflictPriorities();
            }

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
        _priorities.Add(ConflictPriority.None);
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
        Propagate(changed);
    }

    /// <summary>Unit propagation from the packages in <paramref name="changed"/> (consumed as a work list).</summary>
    private void Propagate(Stack<int> changed)
    {
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

    /// <summary>Whether an incompatibility says the root cannot be resolved (no terms, or only "root is selected").</summary>
    internal static bool IsTerminal(Incompatibility incompatibility) =>
        incompatibility.Terms.Length == 0
        || (incompatibility.Terms.Length == 1 && incompatibility.Terms[0].Package == RootId && incompatibility.Terms[0].Term.IsPositive);
}
