using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>One requirement that applied in a resolution: who stated it and what it asked for.</summary>
/// <param name="Dependent">The package that depends, or null for the root requirements.</param>
/// <param name="DependentVersion">The resolved version of <paramref name="Dependent"/>, or null for the root.</param>
/// <param name="DependentExtra">The extra of <paramref name="Dependent"/> the requirement belongs to, or null.</param>
/// <param name="Requirement">The requirement as written (in the root requirements or in <c>Requires-Dist</c>).</param>
public sealed record DependencyEdge(NormalizedName? Dependent, Version? DependentVersion, string? DependentExtra, Requirement Requirement)
{
    /// <summary>Whether this is a root requirement.</summary>
    public bool IsRoot => Dependent is null;

    /// <summary>For example <c>a[x]==1.0 requires b&gt;=2</c> or <c>root requires a[x]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var requirement = RequirementText.WithoutMarker(Requirement);
        if (Dependent is not { } dependent)
        {
            return "root requires " + requirement;
        }

        var extra = DependentExtra is null ? string.Empty : "[" + DependentExtra + "]";
        return $"{dependent}{extra}=={DependentVersion} requires {requirement}";
    }
}
