using System.Collections.Immutable;
using System.Text;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// A PEP 508 dependency specifier such as <c>requests[security]&gt;=2.8.1,==2.8.*; python_version &lt; "2.7"</c> or
/// <c>pip @ https://example.com/pip.zip ; os_name == "nt"</c>, parsed and printed like pypa/packaging 26's
/// <c>packaging.requirements.Requirement</c>.
/// </summary>
public sealed class Requirement : IEquatable<Requirement>
{
    internal Requirement(string name, IReadOnlyCollection<string> extras, SpecifierSet specifier, string? url, Marker? marker)
    {
        Name = name;
        NormalizedName = NormalizedName.From(name);
        Extras = extras.Count == 0
            ? ImmutableArray<string>.Empty
            : extras.Distinct(StringComparer.Ordinal).OrderBy(extra => extra, PythonText.CodePointComparer).ToImmutableArray();
        Specifier = specifier;
        Url = url;
        Marker = marker;
    }

    /// <summary>The project name as written.</summary>
    public string Name { get; }

    /// <summary>The project name normalised (PEP 503).</summary>
    public NormalizedName NormalizedName { get; }

    /// <summary>The extras as written, without duplicates, sorted.</summary>
    public ImmutableArray<string> Extras { get; }

    /// <summary>The version specifiers; empty when there are none (or with a URL).</summary>
    public SpecifierSet Specifier { get; }

    /// <summary>The direct reference after <c>@</c>, or null.</summary>
    public string? Url { get; }

    /// <summary>The environment marker after <c>;</c>, or null.</summary>
    public Marker? Marker { get; }

    /// <summary>Parses a dependency specifier.</summary>
    /// <param name="text">The requirement text.</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="PackagingFormatException">The text is not valid; the message is pypa/packaging's (for example
    /// <c>Expected end or semicolon (after version specifier)</c>) and the position points at the problem.</exception>
    public static Requirement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DependencyParser.ParseRequirement(text);
    }

    /// <summary>Parses a dependency specifier without throwing.</summary>
    /// <param name="text">The requirement text.</param>
    /// <param name="requirement">The requirement, or null when <paramref name="text"/> is not valid.</param>
    /// <returns>Whether the text is a valid requirement.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Requirement? requirement)
    {
        requirement = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            requirement = Parse(text);
            return true;
        }
        catch (PackagingFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// pypa/packaging's <c>str(Requirement)</c>: <c>name[extras]specifiers</c>, then <c> @ url</c> (followed by a
    /// space when a marker comes next), then <c>; marker</c> with the marker's double-quoted form.
    /// </summary>
    /// <returns>For example <c>requests[security]&lt;3,&gt;=2; python_version &lt; "3.12"</c>.</returns>
    public override string ToString() => Format(Marker?.ToString());

    /// <summary>The same as <see cref="ToString"/> with the marker in single quotes, as venvstacks writes lock files.</summary>
    /// <returns>For example <c>numpy&gt;=2; sys_platform == 'win32'</c>.</returns>
    public string ToSingleQuotedString() => Format(Marker?.ToSingleQuotedString());

    private string Format(string? marker)
    {
        var builder = new StringBuilder(Name);
        if (Extras.Length > 0)
        {
            builder.Append('[').AppendJoin(',', Extras).Append(']');
        }

        builder.Append(Specifier.ToString());
        if (Url is not null)
        {
            builder.Append(" @ ").Append(Url);
            if (marker is not null)
            {
                builder.Append(' ');
            }
        }

        if (marker is not null)
        {
            builder.Append("; ").Append(marker);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether both requirements mean the same: normalised names and extras, equal specifier sets, URL and marker.
    /// </summary>
    /// <param name="other">The other requirement.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Requirement? other)
    {
        return other is not null
            && NormalizedName == other.NormalizedName
            && CanonicalExtras().SetEquals(other.CanonicalExtras())
            && Specifier.Equals(other.Specifier)
            && string.Equals(Url, other.Url, StringComparison.Ordinal)
            && Equals(Marker, other.Marker);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Requirement other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var extras = 0;
        foreach (var extra in CanonicalExtras())
        {
            extras ^= StringComparer.Ordinal.GetHashCode(extra);
        }

        return HashCode.Combine(NormalizedName, extras, Specifier, Url, Marker);
    }

    private HashSet<string> CanonicalExtras() => Extras.Select(PackageName.Canonicalize).ToHashSet(StringComparer.Ordinal);
}
