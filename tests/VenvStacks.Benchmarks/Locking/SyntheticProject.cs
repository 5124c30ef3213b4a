namespace VenvStacks.Benchmarks.Locking;

/// <summary>What kind of distribution a synthetic project ships.</summary>
internal enum SyntheticProjectKind
{
    /// <summary>Pure Python: one <c>py3-none-any</c> wheel per release.</summary>
    Pure,

    /// <summary>A compiled "hub" (numpy-like): CPython wheels for every target platform and several Python versions.</summary>
    Binary,
}

/// <summary>A synthetic project and its releases, oldest first.</summary>
/// <param name="Name">The project name (already normalised).</param>
/// <param name="Kind">Pure or binary.</param>
/// <param name="Releases">The releases, oldest first.</param>
internal sealed record SyntheticProject(string Name, SyntheticProjectKind Kind, IReadOnlyList<SyntheticRelease> Releases)
{
    /// <summary>The import package inside the wheels.</summary>
    public string ModuleName => Name.Replace('-', '_');
}
