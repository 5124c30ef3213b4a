using System.Text.RegularExpressions;

namespace VenvStacks.Packaging.Wheels;

/// <summary>The object an entry point names: <c>module[:attribute] [extras]</c>, e.g.
/// <c>pip._internal.cli.main:main</c> or <c>pkg.cli:app.run [color, rich]</c>.</summary>
public sealed partial record EntryPointTarget
{
    private EntryPointTarget(string module, string? attribute, IReadOnlyList<string> extras)
    {
        Module = module;
        Attribute = attribute;
        Extras = extras;
    }

    /// <summary>The dotted module name to import.</summary>
    public string Module { get; }

    /// <summary>The dotted attribute path inside the module, or null when the entry point names the module itself.</summary>
    public string? Attribute { get; }

    /// <summary>The extras listed in brackets, trimmed, in written order (usually empty).</summary>
    public IReadOnlyList<string> Extras { get; }

    /// <summary>Parses an entry point value with the object reference syntax that <c>importlib.metadata</c> uses.</summary>
    /// <returns>False when <paramref name="value"/> does not follow that syntax.</returns>
    public static bool TryParse(string? value, out EntryPointTarget? target)
    {
        target = null;
        var match = value is null ? Match.Empty : Pattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var extras = match.Groups["extras"].Success
            ? match.Groups["extras"].Value
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        target = new EntryPointTarget(
            match.Groups["module"].Value,
            match.Groups["attr"].Success ? match.Groups["attr"].Value : null,
            extras);
        return true;
    }

    /// <summary>True when both name the same module, attribute and extras.</summary>
    public bool Equals(EntryPointTarget? other) =>
        other is not null
        && Module == other.Module
        && Attribute == other.Attribute
        && Extras.SequenceEqual(other.Extras, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Module, Attribute, Extras.Count);

    /// <summary>The canonical form, <c>module:attribute [extra1,extra2]</c>.</summary>
    public override string ToString() =>
        Module
        + (Attribute is null ? string.Empty : ":" + Attribute)
        + (Extras.Count == 0 ? string.Empty : " [" + string.Join(',', Extras) + "]");

    [GeneratedRegex(@"^\s*(?<module>[\w.]+)\s*(:\s*(?<attr>[\w.]+)\s*)?(\[(?<extras>[^\]]*)\]\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
