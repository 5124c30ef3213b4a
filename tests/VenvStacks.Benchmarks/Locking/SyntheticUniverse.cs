namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// A deterministic synthetic package universe shaped like a real data/web stack, and the three layers locked from it
/// (see <see cref="UniverseGenerator"/> for how it is built).
/// </summary>
/// <param name="Seed">The random seed it was generated from.</param>
/// <param name="Projects">Every project on the index.</param>
/// <param name="RuntimeRequirements">The runtime layer's requirements.</param>
/// <param name="FrameworkRequirements">The framework layer's requirements.</param>
/// <param name="ApplicationRequirements">The application layer's requirements.</param>
internal sealed record SyntheticUniverse(
    int Seed,
    IReadOnlyList<SyntheticProject> Projects,
    IReadOnlyList<string> RuntimeRequirements,
    IReadOnlyList<string> FrameworkRequirements,
    IReadOnlyList<string> ApplicationRequirements)
{
    /// <summary>The seed the published numbers were measured with.</summary>
    public const int DefaultSeed = 20260211;

    /// <summary>The requirements of all three layers together (what pip is asked to resolve).</summary>
    public IReadOnlyList<string> CombinedRequirements =>
        [.. RuntimeRequirements, .. FrameworkRequirements, .. ApplicationRequirements];

    /// <summary>The number of releases over all projects.</summary>
    public int ReleaseCount => Projects.Sum(p => p.Releases.Count);

    /// <summary>The number of wheel files over all releases.</summary>
    public int WheelCount => Projects.Sum(p => p.Releases.Sum(r => r.Tags.Count));

    /// <summary>Generates the universe for <paramref name="seed"/>; the same seed always gives the same universe.</summary>
    public static SyntheticUniverse Generate(int seed = DefaultSeed) => new UniverseGenerator(seed).Generate();
}
