using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Thrown when the requirements cannot be satisfied on the target. <see cref="Exception.Message"/> explains why in
/// sentences that name the conflicting requirement chains; <see cref="Facts"/> lists the same facts in structured form.
/// </summary>
public sealed class ResolutionException : Exception
{
    /// <summary>Creates an exception with an explanation and no facts.</summary>
    public ResolutionException()
        : this("The requirements are unsatisfiable.")
    {
    }

    /// <summary>Creates an exception with an explanation and no facts.</summary>
    /// <param name="message">The explanation.</param>
    public ResolutionException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates an exception with an explanation, a cause and no facts.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public ResolutionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with an explanation and the facts it rests on.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="facts">The external facts of the proof, in the order the explanation uses them.</param>
    public ResolutionException(string message, ImmutableArray<ConflictFact> facts)
        : base(message)
    {
        Facts = facts;
    }

    /// <summary>The facts the explanation rests on: requirements, constraints, dependencies and unusable versions.</summary>
    public ImmutableArray<ConflictFact> Facts { get; } = [];

    /// <summary>The distinct packages the facts name, in order of appearance.</summary>
    public ImmutableArray<NormalizedName> Packages =>
        [.. Facts.SelectMany(NamesOf).Distinct()];

    /// <summary>The distinct origins of the constraints that took part, in order of appearance.</summary>
    public ImmutableArray<string> ConstraintOrigins =>
        [.. Facts.Where(f => f.Kind == ConflictFactKind.Constraint && f.Origin is not null).Select(f => f.Origin!).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<NormalizedName> NamesOf(ConflictFact fact)
    {
        if (fact.Package is { } package)
        {
            yield return package;
        }

        if (fact.Requirement is { } requirement)
        {
            yield return requirement.NormalizedName;
        }
    }
}
