using System.Collections.Immutable;

namespace VenvStacks.Packaging.Resolution;

/// <summary>A set of terms that must not all be true at once, with the reason it holds.</summary>
internal sealed class Incompatibility
{
    public Incompatibility(int id, ImmutableArray<(int Package, Term Term)> terms, IncompatibilityCause cause)
    {
        Id = id;
        Terms = terms;
        Cause = cause;
    }

    public int Id { get; }

    /// <summary>At most one term per package, none of them "any".</summary>
    public ImmutableArray<(int Package, Term Term)> Terms { get; }

    public IncompatibilityCause Cause { get; }

    public bool IsDerived => Cause is DerivedCause;

    public Term? TermFor(int package)
    {
        foreach (var (id, term) in Terms)
        {
            if (id == package)
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>
    /// Normalises terms: terms on the same package are intersected (all must hold together), terms that hold for
    /// every outcome are dropped. Returns null when some term can never hold, so the incompatibility says nothing.
    /// </summary>
    public static ImmutableArray<(int Package, Term Term)>? Normalize(IEnumerable<(int Package, Term Term)> terms)
    {
        var merged = new List<(int Package, Term Term)>();
        foreach (var (package, term) in terms)
        {
            var index = merged.FindIndex(entry => entry.Package == package);
            if (index >= 0)
            {
                merged[index] = (package, merged[index].Term.Intersect(term));
            }
            else
            {
                merged.Add((package, term));
            }
        }

        if (merged.Exists(entry => entry.Term.IsEmpty))
        {
            return null;
        }

        merged.RemoveAll(entry => entry.Term.IsAny);
        return [.. merged];
    }
}
