using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>One external fact from the proof that no resolution exists, for callers that want to act on it (for
/// example name the layer whose pin conflicts).</summary>
/// <param name="Kind">What kind of fact it is.</param>
/// <param name="Package">The package the fact is about: the dependent for dependencies (null for root requirements),
/// otherwise the package concerned.</param>
/// <param name="Versions">The versions of <paramref name="Package"/> concerned, as specifier text (empty for all).</param>
/// <param name="Requirement">The requirement or constraint involved, if any.</param>
/// <param name="Origin">Who imposed a constraint, or null.</param>
/// <param name="Description">The fact in words, as the explanation states it.</param>
public sealed record ConflictFact(
    ConflictFactKind Kind,
    NormalizedName? Package,
    string Versions,
    Requirement? Requirement,
    string? Origin,
    string Description);
