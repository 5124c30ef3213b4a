using System.Collections.Immutable;

namespace VenvStacks.Core.Specs;

/// <summary>
/// The layers a build, export or publish works on when the user names some (<c>VenvStacksInclude</c>, like venvstacks'
/// <c>--include</c>): the matching layers, plus the lower layers they need, which are only processed when needed.
/// </summary>
/// <param name="All">Selected layers and the lower layers they need, in stack order (lower layers first).</param>
/// <param name="Selected">The layers the patterns name, in stack order (all enabled layers when there are no patterns).</param>
/// <param name="Unmatched">Patterns that named no enabled layer.</param>
public sealed record LayerSelection(
    ImmutableArray<LayerSpec> All,
    ImmutableArray<LayerSpec> Selected,
    ImmutableArray<string> Unmatched)
{
    /// <summary>Whether <paramref name="layer"/> was named by a pattern (or no patterns were given).</summary>
    public bool IsSelected(LayerSpec layer) => Selected.Contains(layer);

    /// <summary>Selects from the enabled layers of <paramref name="spec"/>; no patterns select every layer.</summary>
    public static LayerSelection Of(StackSpec spec, IReadOnlyCollection<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(patterns);
        var parsed = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => LayerPattern.Parse(p.Trim())).ToList();
        if (parsed.Count == 0)
        {
            return new LayerSelection(spec.Layers, spec.Layers, []);
        }

        var selected = spec.Layers.Where(layer => parsed.Any(p => p.Matches(layer.BuildName))).ToImmutableArray();
        var needed = selected.SelectMany(layer => layer.Dependencies).Select(d => d.BuildName).ToHashSet(StringComparer.Ordinal);
        var all = spec.Layers.Where(l => selected.Contains(l) || needed.Contains(l.BuildName)).ToImmutableArray();
        var unmatched = parsed.Where(p => !spec.Layers.Any(l => p.Matches(l.BuildName))).Select(p => p.Text).ToImmutableArray();
        return new LayerSelection(all, selected, unmatched);
    }
}
