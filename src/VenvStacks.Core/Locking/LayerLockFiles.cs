using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Locking;

/// <summary>
/// Where a layer's lock files live (docs/venvstacks-reference.md §2.2): <c>requirements/&lt;build name&gt;/</c> next to the spec,
/// file names built from the build name with dots replaced (pylock names allow no extra dot), except the package
/// summary, which venvstacks names after the unchanged build name.
/// </summary>
public sealed record LayerLockFiles(string Directory, string InputPath, string PyLockPath, string MetadataPath, string SummaryPath)
{
    /// <summary>The lock files of <paramref name="layer"/> in <paramref name="spec"/>.</summary>
    public static LayerLockFiles For(StackSpec spec, LayerSpec layer)
    {
        var directory = Path.Combine(spec.RequirementsDirectory, layer.BuildName);
        var stem = layer.LockFileStem;
        return new LayerLockFiles(
            directory,
            Path.Combine(directory, $"requirements-{stem}.in"),
            Path.Combine(directory, $"pylock.{stem}.toml"),
            Path.Combine(directory, $"pylock.{stem}.meta.json"),
            Path.Combine(directory, $"packages-{layer.BuildName}.txt"));
    }
}
