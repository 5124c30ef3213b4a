using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// A comma-separated set of PEP 440 specifiers (<c>&gt;=1.0,!=1.3.*,&lt;2</c>) that a version must all satisfy,
/// behaving like pypa/packaging 26's <c>packaging.specifiers.SpecifierSet</c>.
/// </summary>
/// <remarks>
/// The members are kept sorted by their text and without duplicates (<c>==1.0</c> and <c>==1.0.0</c> are one),
/// which is also the order of <see cref="ToString"/>. An empty set matches every version; with PEP 440's
/// pre-release default its <see cref="Filter(IEnumerable{string}, bool?)"/> still drops pre-releases when a final
/// release is present.
/// </remarks>
public sealed class SpecifierSet : IReadOnlyList<Specifier>, IEquatable<SpecifierSet>
{
    private readonly ImmutableArray<Specifier> _specifiers;
    private readonly bool? _configuredPrereleases;

    private SpecifierSet(ImmutableArray<Specifier> sortedUnique, bool? prereleases)
    {
        _specifiers = sortedUnique;
        _configuredPrereleases = prereleases;
        Prereleases = prereleases ?? (sortedUnique.Any(specifier => specifier.Prereleases == true) ? true : null);
    }

    /// <summary>Creates a set from specifiers, which are sorted by text and de-duplicated.</summary>
    /// <param name="specifiers">The members.</param>
    /// <param name="prereleases">An explicit pre-release policy for the set, or null to auto-detect it.</param>
    public SpecifierSet(IEnumerable<Specifier> specifiers, bool? prereleases = null)
        : this(Normalize(specifiers ?? throw new ArgumentNullException(nameof(specifiers))), prereleases)
    {
    }

    /// <summary>The set with no specifiers, which every version satisfies.</summary>
    public static SpecifierSet Empty { get; } = new(ImmutableArray<Specifier>.Empty, null);

    /// <summary>The number of distinct specifiers.</summary>
    public int Count => _specifiers.Length;

    /// <summary>The specifier at <paramref name="index"/> in sorted order.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The specifier.</returns>
    public Specifier this[int index] => _specifiers[index];

    /// <summary>
    /// Whether pre-releases are allowed: the value given at creation, otherwise true when any member allows them
    /// (see <see cref="Specifier.Prereleases"/>), otherwise null (PEP 440's default).
    /// </summary>
    public bool? Prereleases { get; }

    /// <summary>Parses a comma-separated list of specifiers; empty members (and an empty string) are allowed.</summary>
    /// <param name="text">For example <c>&gt;=1.0, &lt;2</c>.</param>
    /// <param name="prereleases">An explicit pre-release policy for the set, or null to auto-detect it.</param>
    /// <returns>The set.</returns>
    /// <exception cref="PackagingFormatException">A member is not a valid specifier.</exception>
    public static SpecifierSet Parse(string text, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseRange(text, 0, text.Length, prereleases);
    }

    /// <summary>Parses a comma-separated list of specifiers without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="specifiers">The set, or null when a member is invalid.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SpecifierSet? specifiers)
    {
        specifiers = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            specifiers = Parse(text);
            return true;
        }
        catch (PackagingFormatException)
        {
            return false;
        }
    }

    /// <summary>Parses <c>text[start..end]</c>, reporting errors at positions within <paramref name="text"/>.</summary>
    internal static SpecifierSet ParseRange(string text, int start, int end, bool? prereleases)
    {
        var members = new List<Specifier>(4);
        var memberStart = start;
        while (memberStart <= end)
        {
            var comma = text.IndexOf(',', memberStart, end - memberStart);
            var memberEnd = comma < 0 ? end : comma;
            if (!PythonText.Strip(text.AsSpan(memberStart, memberEnd - memberStart)).IsEmpty)
            {
                if (!Specifier.TryParseCore(text, memberStart, memberEnd, null, out var specifier, out var errorPosition))
                {
                    var member = PythonText.Strip(text.AsSpan(memberStart, memberEnd - memberStart)).ToString();
                    throw new PackagingFormatException(
                        "Invalid specifier: " + PythonText.Repr(member), text, errorPosition, memberEnd - errorPosition);
                }

                members.Add(specifier);
            }

            memberStart = memberEnd + 1;
        }

        return members.Count == 0 && prereleases is null ? Empty : new SpecifierSet(Normalize(members), prereleases);
    }

    private static ImmutableArray<Specifier> Normalize(IEnumerable<Specifier> specifiers)
    {
        var items = specifiers.ToArray();
        foreach (var specifier in items)
        {
            ArgumentNullException.ThrowIfNull(specifier, nameof(specifiers));
        }

        // Stable insertion sort by text (sets are small), then keep the first of equivalent specifiers, as packaging does.
        for (var i = 1; i < items.Length; i++)
        {
            var current = items[i];
            var text = current.ToString();
            var j = i - 1;
            while (j >= 0 && PythonText.CompareCodePoints(items[j].ToString(), text) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }

        var count = 0;
        foreach (var specifier in items)
        {
            var duplicate = false;
            for (var k = 0; k < count && !duplicate; k++)
            {
                duplicate = items[k].Equals(specifier);
            }

            if (!duplicate)
            {
                items[count++] = specifier;
            }
        }

        return count == items.Length ? ImmutableCollectionsMarshal.AsImmutableArray(items) : ImmutableArray.Create(items, 0, count);
    }

    /// <summary>Whether <paramref name="version"/> satisfies every specifier.</summary>
    /// <param name="version">The candidate version.</param>
    /// <param name="prereleases">Overrides the pre-release policy for this call; null uses <see cref="Prereleases"/>
    /// (only an explicit false rejects a pre-release).</param>
    /// <param name="installed">True when the version is already installed: a pre-release is then always acceptable.</param>
    /// <returns>Whether the version is contained.</returns>
    public bool Contains(Version version, bool? prereleases = null, bool installed = false)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Contains(VersionCandidate.FromVersion(version), prereleases, installed);
    }

    /// <summary>Whether the version text satisfies every specifier. Text that is not a valid version never matches a
    /// standard operator (but is contained in the empty set).</summary>
    /// <param name="version">The candidate version text.</param>
    /// <param name="prereleases">Overrides the pre-release policy for this call.</param>
    /// <param name="installed">True when the version is already installed: a pre-release is then always acceptable.</param>
    /// <returns>Whether the version is contained.</returns>
    public bool Contains(string version, bool? prereleases = null, bool installed = false)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Contains(VersionCandidate.FromText(version), prereleases, installed);
    }

    private bool Contains(VersionCandidate candidate, bool? prereleases, bool installed)
    {
        if (installed && candidate.IsPrerelease)
        {
            prereleases = true;
        }

        return Matches(candidate) && !((prereleases ?? Prereleases) == false && candidate.IsPrerelease);
    }

    /// <summary>The texts that satisfy every specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <param name="versions">Version texts; texts that are not versions match only <c>===</c> or an empty set.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null uses <see cref="Prereleases"/> or else
    /// returns them only when no final release matched.</param>
    /// <returns>The matching texts.</returns>
    public IEnumerable<string> Filter(IEnumerable<string> versions, bool? prereleases = null) => Filter(versions, static text => text, prereleases);

    /// <summary>The versions that satisfy every specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <param name="versions">The candidate versions.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null uses <see cref="Prereleases"/> or else
    /// returns them only when no final release matched.</param>
    /// <returns>The matching versions.</returns>
    public IEnumerable<Version> Filter(IEnumerable<Version> versions, bool? prereleases = null) => Filter(versions, static version => version, prereleases);

    /// <summary>The items whose version satisfies every specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The candidates.</param>
    /// <param name="versionOf">Gets an item's version.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null uses <see cref="Prereleases"/> or else
    /// returns them only when no final release matched.</param>
    /// <returns>The matching items.</returns>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, Version> versionOf, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(versionOf);
        return PrereleaseFiltering.Filter(items, item => VersionCandidate.FromVersion(versionOf(item)), Matches, prereleases ?? Prereleases);
    }

    /// <summary>The items whose version text satisfies every specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The candidates.</param>
    /// <param name="versionOf">Gets an item's version text.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null uses <see cref="Prereleases"/> or else
    /// returns them only when no final release matched.</param>
    /// <returns>The matching items.</returns>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, string> versionOf, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(versionOf);
        return PrereleaseFiltering.Filter(items, item => VersionCandidate.FromText(versionOf(item)), Matches, prereleases ?? Prereleases);
    }

    private bool Matches(VersionCandidate candidate)
    {
        foreach (var specifier in _specifiers)
        {
            if (!specifier.Matches(candidate))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The set of versions satisfying both sets: all members of both, with the pre-release policies combined.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The combined set.</returns>
    /// <exception cref="ArgumentException">One set allows pre-releases explicitly and the other forbids them explicitly.</exception>
    public SpecifierSet Intersect(SpecifierSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        bool? prereleases;
        if (_configuredPrereleases is null || _configuredPrereleases == other._configuredPrereleases)
        {
            prereleases = other._configuredPrereleases;
        }
        else if (other._configuredPrereleases is null)
        {
            prereleases = _configuredPrereleases;
        }
        else
        {
            throw new ArgumentException("Cannot combine SpecifierSets with True and False prerelease overrides.", nameof(other));
        }

        return new SpecifierSet(Normalize(_specifiers.Concat(other._specifiers)), prereleases);
    }

    /// <summary>The intersection of two sets (see <see cref="Intersect"/>).</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns>The combined set.</returns>
    public static SpecifierSet operator &(SpecifierSet left, SpecifierSet right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Intersect(right);
    }

    /// <summary>The members joined by <c>,</c> in sorted order, for example <c>!=1.0.1,&gt;=1.0</c>; empty for the empty set.</summary>
    /// <returns>The normalised text.</returns>
    public override string ToString() => string.Join(',', _specifiers);

    /// <summary>Whether both sets have equal members in the same sorted order; the pre-release policy is ignored.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(SpecifierSet? other) => other is not null && _specifiers.SequenceEqual(other._specifiers);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SpecifierSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var specifier in _specifiers)
        {
            hash.Add(specifier);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<Specifier> GetEnumerator() => ((IEnumerable<Specifier>)_specifiers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
