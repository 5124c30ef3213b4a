using System.Collections.Immutable;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>Why an incompatibility holds: an external fact, or a derivation from two earlier incompatibilities.</summary>
internal abstract record IncompatibilityCause;

/// <summary>The root must be selected.</summary>
internal sealed record RootCause : IncompatibilityCause;

/// <summary>Versions of a package (or the root) depend on another package.</summary>
/// <param name="Depender">The depending package.</param>
/// <param name="Target">The package depended on.</param>
/// <param name="Requirements">The requirements that produced it (several when the same package is named twice).</param>
/// <param name="TargetVersions">The versions of <paramref name="Target"/> the requirements allow.</param>
internal sealed record DependencyCause(int Depender, int Target, ImmutableArray<Requirement> Requirements, VersionSet TargetVersions) : IncompatibilityCause;

/// <summary>A constraint forbids the versions outside it.</summary>
internal sealed record ConstraintCause(int Package, ResolutionConstraint Constraint) : IncompatibilityCause;

/// <summary>Versions that cannot be installed on the target.</summary>
internal sealed record UnusableCause(int Package, UnusableReason Reason, string? MetadataRequiresPython = null) : IncompatibilityCause;

/// <summary>Derived by resolution from two incompatibilities.</summary>
internal sealed record DerivedCause(Incompatibility Conflict, Incompatibility Other) : IncompatibilityCause;
