namespace VenvStacks.Packaging.Wheels;

/// <summary>One <c>name = value</c> line of <c>entry_points.txt</c> and the section it is in.</summary>
/// <param name="Group">The section name, e.g. <c>console_scripts</c>.</param>
/// <param name="Name">The entry point name (for scripts: the command name), as written.</param>
/// <param name="Value">The value as written (surrounding whitespace removed).</param>
public sealed record EntryPoint(string Group, string Name, string Value)
{
    /// <summary>The parsed object reference, or null when <see cref="Value"/> does not use that syntax (allowed
    /// outside the script groups, whose values are opaque to other tools).</summary>
    public EntryPointTarget? Target => EntryPointTarget.TryParse(Value, out var target) ? target : null;
}
