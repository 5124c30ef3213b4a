using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Toml;

/// <summary>A string, integer, float, boolean or date-time value.</summary>
/// <param name="Value">The CLR value: string, long, double, bool or <see cref="Tomlyn.TomlDateTime"/>.</param>
/// <param name="Location">Where the value is written.</param>
public sealed record TomlScalarNode(object Value, SourceLocation Location) : TomlNode(Location)
{
    /// <inheritdoc />
    public override string TypeName => Value switch
    {
        string => "string",
        long => "integer",
        double => "float",
        bool => "boolean",
        _ => "date-time",
    };
}
