using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// The rule both kinds of "package → named index" route follow, the common <c>[tool.uv.sources]</c> table and a
/// layer's <c>package_indexes</c> (docs/venvstacks-reference.md §1.2, §1.6): the index must be a named one, and a
/// package has at most one route once its name is normalised (PEP 503).
/// </summary>
/// <param name="Owner">Who declares the routes, as the messages name it: a layer name, or null for the common table.</param>
internal sealed record PackageRoute(string? Owner)
{
    /// <summary>Checks one route; returns the normalised package name, or null after reporting why it is refused.</summary>
    /// <param name="package">The package name as written.</param>
    /// <param name="index">The index name it is routed to.</param>
    /// <param name="namedIndexes">The names of the stack's named indexes.</param>
    /// <param name="seen">Normalised names already routed by the same owner; the accepted name is added.</param>
    /// <param name="diagnostics">Where a refusal is reported.</param>
    public string? Accept(
        Located<string> package,
        Located<string> index,
        ISet<string> namedIndexes,
        ISet<string> seen,
        DiagnosticBag diagnostics)
    {
        if (!namedIndexes.Contains(index.Value))
        {
            diagnostics.Error(
                DiagnosticCodes.UnknownPackageIndex,
                Owner is null
                    ? $"Common uv source config for {package.Value} references an unknown package index '{index.Value}'"
                    : $"{Owner} references an unknown package index '{index.Value}' for '{package.Value}'",
                index.Location);
            return null;
        }

        var normalized = PackageName.Canonicalize(package.Value);
        if (!seen.Add(normalized))
        {
            diagnostics.Error(
                DiagnosticCodes.DuplicatePackageSource,
                $"{Owner ?? "Common uv source config"} specifies multiple sources for {normalized} after name normalization ({package.Value} is the second entry)",
                package.Location);
            return null;
        }

        return normalized;
    }
}
