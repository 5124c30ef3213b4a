using System.Text;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// A PEP 508 environment marker such as <c>python_version &gt;= "3.10" and sys_platform == "win32"</c>, parsed,
/// printed and evaluated like pypa/packaging 26's <c>packaging.markers.Marker</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>and</c> binds tighter than <c>or</c>. Values may use either quote character and Python escapes.
/// <c>extra</c> values, and names tested with <c>in extras</c>/<c>in dependency_groups</c>, are normalised (PEP 685).
/// <c>os.name</c>-style dotted names and <c>python_implementation</c> are accepted and printed in their canonical form.
/// </para>
/// <para>
/// Equality compares the printed form. Evaluation evaluates every comparison, so an undefined comparison or
/// variable anywhere raises even when the result would be known without it, as in pypa/packaging.
/// </para>
/// </remarks>
public sealed class Marker : IEquatable<Marker>
{
    private readonly MarkerGroup _root;
    private string? _text;

    internal Marker(MarkerGroup root) => _root = root;

    /// <summary>How deep parenthesised groups may nest; deeper markers are format errors (docs/errors.md, VSTK1005).</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Parses a marker expression.</summary>
    /// <param name="text">The marker, for example <c>os_name == 'nt' or python_version &lt; "3.11"</c>.</param>
    /// <returns>The marker.</returns>
    /// <exception cref="PackagingFormatException">The text is not a valid marker; the message is pypa/packaging's
    /// (for example <c>Expected marker operator, one of ...</c>) and the position points at the problem.</exception>
    public static Marker Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Marker(DependencyParser.ParseMarker(text));
    }

    /// <summary>Parses a marker expression without throwing.</summary>
    /// <param name="text">The marker text.</param>
    /// <param name="marker">The marker, or null when <paramref name="text"/> is not valid.</param>
    /// <returns>Whether the text is a valid marker.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Marker? marker)
    {
        marker = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            marker = Parse(text);
            return true;
        }
        catch (PackagingFormatException)
        {
            return false;
        }
    }

    /// <summary>Evaluates the marker against an environment.</summary>
    /// <param name="environment">The variable values.</param>
    /// <param name="context">Decides the defaults of <c>extra</c>, <c>extras</c> and <c>dependency_groups</c>.</param>
    /// <returns>Whether the marker holds.</returns>
    /// <exception cref="UndefinedComparisonException">An operator is not defined for its operands (for example
    /// <c>~=</c> on values that are not versions).</exception>
    /// <exception cref="UndefinedEnvironmentNameException">A variable is missing from the environment.</exception>
    public bool Evaluate(MarkerEnvironment environment, MarkerEvaluationContext context = MarkerEvaluationContext.Metadata)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return _root.Evaluate(environment, context);
    }

    /// <summary>This marker and <paramref name="other"/> (each side parenthesised when it has several terms).</summary>
    /// <param name="other">The other marker.</param>
    /// <returns>The combined marker.</returns>
    public Marker And(Marker other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Marker(new MarkerGroup([_root, other._root], [false, false]));
    }

    /// <summary>This marker or <paramref name="other"/> (each side parenthesised when it has several terms).</summary>
    /// <param name="other">The other marker.</param>
    /// <returns>The combined marker.</returns>
    public Marker Or(Marker other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Marker(new MarkerGroup([_root, other._root], [false, true]));
    }

    /// <summary>Both markers (see <see cref="And"/>).</summary>
    /// <param name="left">The first marker.</param>
    /// <param name="right">The second marker.</param>
    /// <returns>The combined marker.</returns>
    public static Marker operator &(Marker left, Marker right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.And(right);
    }

    /// <summary>Either marker (see <see cref="Or"/>).</summary>
    /// <param name="left">The first marker.</param>
    /// <param name="right">The second marker.</param>
    /// <returns>The combined marker.</returns>
    public static Marker operator |(Marker left, Marker right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Or(right);
    }

    /// <summary>
    /// pypa/packaging's <c>str(Marker)</c>: single spaces, canonical variable names, values in double quotes (single
    /// quotes when the value contains a double quote), redundant parentheses removed.
    /// </summary>
    /// <returns>For example <c>python_version &gt;= "3.10" and (os_name == "nt" or extra == "test")</c>.</returns>
    /// <exception cref="PackagingFormatException">A value contains both quote characters, which pypa/packaging cannot print either.</exception>
    public override string ToString() => _text ??= Format('"');

    /// <summary>
    /// The same layout as <see cref="ToString"/> with values in single quotes (double quotes when the value contains
    /// a single quote), as venvstacks writes markers into lock files: <c>sys_platform == 'win32'</c>.
    /// </summary>
    /// <returns>The single-quoted marker text.</returns>
    /// <exception cref="PackagingFormatException">A value contains both quote characters.</exception>
    public string ToSingleQuotedString() => Format('\'');

    private string Format(char preferredQuote)
    {
        var builder = new StringBuilder();
        if (!_root.TryFormat(builder, topLevel: true, preferredQuote))
        {
            throw new PackagingFormatException("Cannot serialize marker value containing both quote characters", builder.ToString(), builder.Length);
        }

        return builder.ToString();
    }

    /// <summary>Whether both markers print the same (see <see cref="ToString"/>).</summary>
    /// <param name="other">The other marker.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Marker? other) => other is not null && string.Equals(EqualityKey, other.EqualityKey, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Marker other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(EqualityKey);

    // A value with both quote characters has no printed form; such markers still compare by their structure.
    private string EqualityKey
    {
        get
        {
            if (_text is not null)
            {
                return _text;
            }

            var builder = new StringBuilder();
            if (_root.TryFormat(builder, topLevel: true, '"'))
            {
                return _text = builder.ToString();
            }

            builder.Clear().Append('\0');
            _root.TryFormat(builder, topLevel: true, MarkerOperand.EscapedQuote);
            return builder.ToString();
        }
    }
}
