namespace VenvStacks.Core.Locking;

/// <summary>
/// Resolves a layer's requirements for one target platform. The lock engine calls it once per platform of a layer
/// and merges the answers into one universal lock; the production implementation sits on VenvStacks.Packaging's
/// resolver and index client, tests may supply their own.
/// </summary>
public interface IPlatformResolver
{
    /// <summary>Resolves <paramref name="request"/>; an unsatisfiable request is an outcome, not an exception.</summary>
    Task<PlatformResolutionOutcome> ResolveAsync(PlatformResolutionRequest request, CancellationToken cancellationToken);
}
