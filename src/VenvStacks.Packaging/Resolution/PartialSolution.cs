namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// PubGrub's partial solution: the ordered assignments (decisions and derivations), and per package the
/// intersection of its assignments so far, which is what satisfaction is checked against.
/// </summary>
internal sealed class PartialSolution
{
    private readonly List<Assignment> _assignments = [];
    private readonly List<PackageState> _packages = [];

    /// <summary>The number of decisions made so far (the root's decision is level 1).</summary>
    public int DecisionLevel { get; private set; }

    public int Count => _assignments.Count;

    public Assignment this[int index] => _assignments[index];

    public void AddPackage() => _packages.Add(new PackageState());

    /// <summary>The intersection of a package's assignments, or null when it has none (then anything is allowed).</summary>
    public Term? Accumulated(int package)
    {
        var history = _packages[package].History;
        return history.Count == 0 ? null : _assignments[history[^1]].Accumulated;
    }

    /// <summary>The decided version index of a package, or -1.</summary>
    public int DecidedVersion(int package) => _packages[package].Decision;

    /// <summary>The decision level a package was decided at, or -1 when it is not decided.</summary>
    public int DecisionLevelOf(int package)
    {
        foreach (var index in _packages[package].History)
        {
            if (_assignments[index].IsDecision)
            {
                return _assignments[index].DecisionLevel;
            }
        }

        return -1;
    }

    public void Decide(int package, int version, int universeSize)
    {
        DecisionLevel++;
        var term = Term.Positive(VersionSet.Single(universeSize, version));
        Add(package, term, null);
        _packages[package].Decision = version;
    }

    public void Derive(int package, Term term, Incompatibility cause) => Add(package, term, cause);

    private void Add(int package, Term term, Incompatibility? cause)
    {
        var state = _packages[package];
        var accumulated = state.History.Count == 0 ? term : _assignments[state.History[^1]].Accumulated.Intersect(term);
        state.History.Add(_assignments.Count);
        _assignments.Add(new Assignment(package, term, DecisionLevel, cause, accumulated));
    }

    /// <summary>Removes every assignment above a decision level.</summary>
    public void Backtrack(int level)
    {
        while (_assignments.Count > 0 && _assignments[^1].DecisionLevel > level)
        {
            var last = _assignments[^1];
            var state = _packages[last.Package];
            state.History.RemoveAt(state.History.Count - 1);
            if (last.IsDecision)
            {
                state.Decision = -1;
            }

            _assignments.RemoveAt(_assignments.Count - 1);
        }

        DecisionLevel = level;
    }

    /// <summary>
    /// The index of the earliest assignment after which the package's accumulated term lies inside
    /// <paramref name="term"/>, considering only assignments before <paramref name="before"/> and intersecting each
    /// prefix with <paramref name="extra"/> when given; -1 when there is none.
    /// </summary>
    public int EarliestSatisfying(int package, Term term, int before = int.MaxValue, Term? extra = null)
    {
        foreach (var index in _packages[package].History)
        {
            if (index >= before)
            {
                break;
            }

            var accumulated = _assignments[index].Accumulated;
            if (extra is { } with)
            {
                accumulated = accumulated.Intersect(with);
            }

            if (accumulated.IsSubsetOf(term))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Packages that must be selected but have no decision yet.</summary>
    public IEnumerable<int> Undecided()
    {
        for (var package = 0; package < _packages.Count; package++)
        {
            var state = _packages[package];
            if (state.Decision < 0 && state.History.Count > 0 && _assignments[state.History[^1]].Accumulated.IsPositive)
            {
                yield return package;
            }
        }
    }

    private sealed class PackageState
    {
        public List<int> History { get; } = [];

        public int Decision { get; set; } = -1;
    }
}

/// <summary>One assignment: a decision (no cause) or a derivation with the incompatibility that forced it.</summary>
internal sealed record Assignment(int Package, Term Term, int DecisionLevel, Incompatibility? Cause, Term Accumulated)
{
    public bool IsDecision => Cause is null;
}
