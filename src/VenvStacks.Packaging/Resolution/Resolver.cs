using System.Collections.Immutable;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Resolves requirements to one version per package for one target, using binary wheels only, with PubGrub
/// (conflict-driven clause learning over version sets). When no resolution exists, the
/// <see cref="ResolutionException"/> explains which requirement chains conflict.
/// </summary>
/// <remarks>
/// <para>
/// Choices: a package's preferred version (unless upgraded) when allowed, otherwise its newest allowed version.
/// A version is a candidate only with at least one wheel that is not yanked (unless a root requirement or a
/// constraint pins it with <c>==</c>), whose <c>Requires-Python</c> admits the target Python and whose tags the
/// target supports; the best ranked such wheel is the one installed. Pre-releases follow
/// <see cref="ResolutionRequest.Prereleases"/>. Constraints restrict without adding packages. Extras are resolved
/// as virtual packages that pin their package's version and add the extra's dependencies.
/// </para>
/// <para>
/// Root requirements and constraints whose markers do not hold on the target are ignored; so are dependencies
/// whose markers do not hold (with <c>extra</c> set while an extra's dependencies are read).
/// </para>
/// </remarks>
public sealed class Resolver
{
    private readonly IPackageCandidateProvider _provider;

    /// <summary>Creates a resolver reading from a provider.</summary>
    /// <param name="provider">Lists packages and reads metadata.</param>
    public Resolver(IPackageCandidateProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <summary>Resolves a request for a target.</summary>
    /// <param name="request">The requirements, constraints, preferences and policies.</param>
    /// <param name="target">The environment to resolve for.</param>
    /// <param name="cancellationToken">Stops the resolution (and the provider's requests).</param>
    /// <returns>The chosen packages with their wheels and the requirements that brought them in.</returns>
    /// <exception cref="ResolutionException">The requirements cannot be satisfied on the target, a root
    /// requirement uses a direct URL, or the marker of a root requirement or constraint uses a variable the target
    /// does not define (dependencies' markers of that kind are treated as false, with a warning).</exception>
    public async Task<ResolutionResult> ResolveAsync(ResolutionRequest request, ResolutionTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var requirement in request.Requirements)
        {
            if (requirement.Url is not null)
            {
                throw new ResolutionException($"'{requirement}' is a direct URL requirement; only requirements resolved from a package index are supported.");
            }
        }

        var roots = request.Requirements.Where(requirement => Applies(requirement, target)).ToImmutableArray();
        var constraints = request.Constraints.Where(constraint => Applies(constraint.Requirement, target)).ToImmutableArray();
        var policy = new CandidatePolicy(request, roots, constraints.Select(constraint => constraint.Requirement));
        var catalog = new PackageCatalog(_provider, target, policy, cancellationToken);
        await using (catalog.ConfigureAwait(false))
        {
            var solver = new PubGrubSolver(catalog, request, target, policy, roots, constraints);
            return await solver.SolveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Applies(Requirement requirement, ResolutionTarget target)
    {
        if (requirement.Marker is null)
        {
            return true;
        }

        try
        {
            return requirement.Marker.Evaluate(target.Markers);
        }
        catch (MarkerEvaluationException error)
        {
            throw new ResolutionException($"The marker of '{requirement}' cannot be evaluated on {target.Name}: {error.Message}", error);
        }
    }
}
