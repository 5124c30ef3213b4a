namespace VenvStacks.Packaging.Resolution;

/// <summary>When the resolver may choose a pre-release (or development release).</summary>
public enum PrereleasePolicy
{
    /// <summary>
    /// The default: a package's pre-releases are used only when a root requirement or a constraint on it has a
    /// pre-release in one of its specifiers (<c>a&gt;=2.0b1</c>), or when the package has no final releases at all.
    /// Transitive requirements cannot opt in, so a dependency's metadata cannot pull a pre-release in by itself.
    /// </summary>
    IfNecessaryOrExplicit,

    /// <summary>Pre-releases are ordinary candidates for every package.</summary>
    Allow,
}
