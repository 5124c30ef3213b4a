namespace VenvStacks.Packaging.Pep503;

/// <summary>A project or extra name in its PEP 503 normalised form, for use as a dictionary key.</summary>
/// <remarks>Create one with <see cref="From"/>; the wrapped value is always the output of <see cref="PackageName.Canonicalize"/>.</remarks>
public readonly record struct NormalizedName : IComparable<NormalizedName>
{
    private readonly string? _value;

    private NormalizedName(string value) => _value = value;

    /// <summary>The normalised name (empty for the default value).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Normalises <paramref name="name"/> (see <see cref="PackageName.Canonicalize"/>).</summary>
    /// <param name="name">A project or extra name as written.</param>
    /// <returns>The normalised name.</returns>
    public static NormalizedName From(string name) => new(PackageName.Canonicalize(name));

    /// <inheritdoc/>
    public int CompareTo(NormalizedName other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Orders by the normalised text.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(NormalizedName left, NormalizedName right) => left.CompareTo(right) < 0;

    /// <summary>Orders by the normalised text.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(NormalizedName left, NormalizedName right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by the normalised text.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(NormalizedName left, NormalizedName right) => left.CompareTo(right) > 0;

    /// <summary>Orders by the normalised text.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(NormalizedName left, NormalizedName right) => left.CompareTo(right) >= 0;

    /// <summary>The normalised name.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
