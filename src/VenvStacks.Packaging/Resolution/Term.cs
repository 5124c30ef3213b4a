namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// A PubGrub term about one package: the set of outcomes it allows, where an outcome is one of the package's
/// versions or "the package is not selected at all".
/// </summary>
/// <remarks>
/// The positive term "p in S" allows exactly S; the negative term "not (p in S)" allows the other versions and also
/// absence. Treating absence as one more element makes intersection, union, negation and the satisfies/contradicts
/// relations plain set operations.
/// </remarks>
internal readonly record struct Term(VersionSet Versions, bool AllowsAbsent)
{
    /// <summary>True for "p in S": the package must be selected.</summary>
    public bool IsPositive => !AllowsAbsent;

    /// <summary>The versions a positive term names, or the versions a negative term excludes.</summary>
    public VersionSet Named => IsPositive ? Versions : Versions.Complement();

    /// <summary>Whether this term holds whatever is selected (it says nothing).</summary>
    public bool IsAny => AllowsAbsent && Versions.IsFull;

    public static Term Positive(VersionSet versions) => new(versions, false);

    public static Term Negative(VersionSet excluded) => new(excluded.Complement(), true);

    public static Term Any(int universeSize) => new(VersionSet.Full(universeSize), true);

    public Term Negate() => new(Versions.Complement(), !AllowsAbsent);

    public Term Intersect(Term other) => new(Versions.Intersect(other.Versions), AllowsAbsent && other.AllowsAbsent);

    public Term Union(Term other) => new(Versions.Union(other.Versions), AllowsAbsent || other.AllowsAbsent);

    /// <summary>Whether every outcome this term allows is allowed by <paramref name="other"/>.</summary>
    public bool IsSubsetOf(Term other) => (!AllowsAbsent || other.AllowsAbsent) && Versions.IsSubsetOf(other.Versions);

    /// <summary>Whether no outcome is allowed by both terms.</summary>
    public bool IsDisjointWith(Term other) => !(AllowsAbsent && other.AllowsAbsent) && !Versions.Overlaps(other.Versions);

    /// <summary>Whether no outcome at all is allowed.</summary>
    public bool IsEmpty => !AllowsAbsent && Versions.IsEmpty;
}
