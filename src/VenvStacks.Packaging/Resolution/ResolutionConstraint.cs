using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// A requirement that only restricts: if the package ends up in the resolution its version must satisfy it (when
/// its marker holds on the target), but it never brings the package in. Lower layers' pins become constraints.
/// </summary>
/// <param name="Requirement">The constraint, e.g. <c>numpy==2.3.2</c>, possibly with a marker; extras are ignored.</param>
/// <param name="Origin">Who imposes it, in words explanations can use: <c>the runtime layer cpython-3.11</c>.</param>
public sealed record ResolutionConstraint(Requirement Requirement, string Origin);
