using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// Which layers a publish handles (docs/venvstacks-reference.md §4.1): the enabled layers that target the platform,
/// in stack order (runtimes, frameworks, applications, each in definition order), narrowed to those an include
/// pattern matches. As in venvstacks a pattern that matches no layer at all is an error (VSTK4043), and neither the
/// dependencies nor the dependents of a matched layer are added.
/// </summary>
/// <param name="PlatformLayers">Every enabled layer that targets the platform.</param>
/// <param name="Selected">The layers to publish in this run.</param>
internal sealed record LayerSelection(ImmutableArray<LayerSpec> PlatformLayers, ImmutableArray<LayerSpec> Selected)
{
    /// <summary>Whether some platform layers are left out (a filtered publish).</summary>
    public bool IsFiltered => Selected.Length != PlatformLayers.Length;

    public static LayerSelection Select(StackSpec spec, TargetPlatform platform, ImmutableArray<string> include, DiagnosticBag diagnostics)
    {
        var platformLayers = spec.Layers.Where(l => l.Platforms.Contains(platform)).ToImmutableArray();
        if (include.IsDefaultOrEmpty)
        {
            return new LayerSelection(platformLayers, platformLayers);
        }

        var patterns = include.Select(p => new LayerNamePattern(p)).ToArray();
        var unmatched = patterns.Where(p => !spec.Layers.Any(l => p.IsMatch(l.BuildName))).Select(p => $"'{p.Pattern}'").ToArray();
        if (unmatched.Length > 0)
        {
            diagnostics.Error(
                DiagnosticCodes.PublishIncludeUnmatched,
                $"No matching layers found for: {{{string.Join(", ", unmatched)}}} (layers: {string.Join(", ", spec.Layers.Select(l => l.BuildName))})",
                SourceLocation.FileOnly(spec.SpecPath));
        }

        return new LayerSelection(platformLayers, platformLayers.Where(l => patterns.Any(p => p.IsMatch(l.BuildName))).ToImmutableArray());
    }
}
