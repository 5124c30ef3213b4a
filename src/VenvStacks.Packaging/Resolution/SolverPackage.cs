using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// A package as the solver sees it: the root, a real package, or the virtual package "a with extra x", which
/// depends on exactly the same version of a plus the extra's dependencies. Modelling extras as packages lets
/// conflicts that arise only through an extra be found and explained like any other.
/// </summary>
internal sealed class SolverPackage
{
    private SolverPackage(int id, NormalizedName name, string? extra, bool isRoot, CandidateSet? candidates, int baseId)
    {
        Id = id;
        Name = name;
        Extra = extra;
        IsRoot = isRoot;
        Candidates = candidates;
        BaseId = baseId;
    }

    public int Id { get; }

    /// <summary>The package name (empty for the root).</summary>
    public NormalizedName Name { get; }

    /// <summary>The extra of a virtual extra package, normalised; null otherwise.</summary>
    public string? Extra { get; }

    public bool IsRoot { get; }

    public bool IsExtra => Extra is not null;

    /// <summary>The versions (shared by a package and its extras); null for the root, whose one version is index 0.</summary>
    public CandidateSet? Candidates { get; }

    /// <summary>The id of the real package (itself for real packages, -1 for the root).</summary>
    public int BaseId { get; }

    public int UniverseSize => Candidates?.Count ?? 1;

    public static SolverPackage Root(int id) => new(id, default, null, true, null, -1);

    public static SolverPackage Real(int id, CandidateSet candidates) => new(id, candidates.Name, null, false, candidates, id);

    public static SolverPackage ForExtra(int id, CandidateSet candidates, string extra, int baseId) =>
        new(id, candidates.Name, extra, false, candidates, baseId);

    public override string ToString() => IsRoot ? "root" : IsExtra ? $"{Name}[{Extra}]" : Name.ToString();
}
