using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// The values environment markers are evaluated against: the standard string variables (<c>python_version</c>,
/// <c>sys_platform</c>, ...), optionally <c>extra</c>, and the lock-file sets <c>extras</c> and
/// <c>dependency_groups</c>. Immutable; the <c>With...</c> methods return modified copies.
/// </summary>
/// <remarks>
/// Nothing is taken from the running process: a variable the markers use must be given, or evaluation raises
/// <see cref="UndefinedEnvironmentNameException"/> (except the defaults of <see cref="MarkerEvaluationContext"/>).
/// The dictionary view lists the string variables as given.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "The name is the concept of PEP 508; the dictionary view is secondary.")]
public sealed class MarkerEnvironment : IReadOnlyDictionary<string, string>
{
    private readonly FrozenDictionary<string, string> _values;
    private readonly string?[] _known;
    private readonly VersionCandidate[] _versions;
    private readonly FrozenSet<string>? _canonicalExtras;
    private readonly FrozenSet<string>? _canonicalDependencyGroups;

    /// <summary>Creates an environment from string variables (for example those of <c>packaging.markers.default_environment()</c>).</summary>
    /// <param name="values">Variable names and values. A value for <c>extra</c> is allowed.</param>
    public MarkerEnvironment(IEnumerable<KeyValuePair<string, string>> values)
        : this(ToFrozen(values), null, null)
    {
    }

    private MarkerEnvironment(FrozenDictionary<string, string> values, IReadOnlyCollection<string>? extras, IReadOnlyCollection<string>? dependencyGroups)
    {
        _values = values;
        Extras = extras;
        DependencyGroups = dependencyGroups;
        _canonicalExtras = extras?.Select(PackageName.Canonicalize).ToFrozenSet(StringComparer.Ordinal);
        _canonicalDependencyGroups = dependencyGroups?.Select(PackageName.Canonicalize).ToFrozenSet(StringComparer.Ordinal);

        _known = new string?[MarkerVariables.StringValuedCount];
        for (var index = 0; index < _known.Length; index++)
        {
            values.TryGetValue(MarkerVariables.Names[index], out _known[index]);
        }

        // packaging compares extras normalised (PEP 685), and repairs the "3.13.0+" of untagged CPython builds.
        if (_known[MarkerVariables.Extra] is { Length: > 0 } extra)
        {
            _known[MarkerVariables.Extra] = PackageName.Canonicalize(extra);
        }

        if (_known[MarkerVariables.PythonFullVersion] is { } fullVersion && fullVersion.EndsWith('+'))
        {
            _known[MarkerVariables.PythonFullVersion] = fullVersion + "local";
        }

        _versions = new VersionCandidate[_known.Length];
        for (var index = 0; index < _known.Length; index++)
        {
            if (MarkerVariables.IsVersionValued(index) && _known[index] is { } text)
            {
                _versions[index] = VersionCandidate.FromText(text);
            }
        }
    }

    /// <summary>The value of <c>extra</c> as given, or null when it is not set.</summary>
    public string? Extra => _values.GetValueOrDefault("extra");

    /// <summary>The lock-file <c>extras</c> set as given, or null when it is not set.</summary>
    public IReadOnlyCollection<string>? Extras { get; }

    /// <summary>The lock-file <c>dependency_groups</c> set as given, or null when it is not set.</summary>
    public IReadOnlyCollection<string>? DependencyGroups { get; }

    /// <summary>A copy with <c>extra</c> set (or removed when <paramref name="extra"/> is null).</summary>
    /// <param name="extra">The extra being evaluated, as written; it is normalised when compared.</param>
    /// <returns>The new environment.</returns>
    public MarkerEnvironment WithExtra(string? extra) => With("extra", extra);

    /// <summary>A copy with a string variable set (or removed when <paramref name="value"/> is null).</summary>
    /// <param name="name">The variable name, for example <c>python_full_version</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new environment.</returns>
    public MarkerEnvironment With(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var values = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        if (value is null)
        {
            values.Remove(name);
        }
        else
        {
            values[name] = value;
        }

        return new MarkerEnvironment(values.ToFrozenDictionary(StringComparer.Ordinal), Extras, DependencyGroups);
    }

    /// <summary>A copy with the lock-file <c>extras</c> set (PEP 751), used by <c>"name" in extras</c>.</summary>
    /// <param name="extras">The selected extras; they are normalised when compared.</param>
    /// <returns>The new environment.</returns>
    public MarkerEnvironment WithExtras(IEnumerable<string> extras)
    {
        ArgumentNullException.ThrowIfNull(extras);
        return new MarkerEnvironment(_values, extras.ToImmutableArray(), DependencyGroups);
    }

    /// <summary>A copy with the lock-file <c>dependency_groups</c> set (PEP 751), used by <c>"name" in dependency_groups</c>.</summary>
    /// <param name="groups">The selected dependency groups; they are normalised when compared.</param>
    /// <returns>The new environment.</returns>
    public MarkerEnvironment WithDependencyGroups(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return new MarkerEnvironment(_values, Extras, groups.ToImmutableArray());
    }

    /// <summary>
    /// Looks a variable up for evaluation: a string, or a (normalised) set for <c>extras</c>/<c>dependency_groups</c>,
    /// with the defaults of <paramref name="context"/>. Returns false when it is undefined.
    /// </summary>
    internal bool TryLookup(string name, int index, MarkerEvaluationContext context, out string? text, out FrozenSet<string>? set)
    {
        set = null;
        text = null;
        switch (index)
        {
            case MarkerVariables.Extra:
                text = _known[index] ?? (context == MarkerEvaluationContext.Metadata ? string.Empty : null);
                return text is not null;
            case MarkerVariables.Extras:
            case MarkerVariables.DependencyGroups:
                set = index == MarkerVariables.Extras ? _canonicalExtras : _canonicalDependencyGroups;
                if (set is not null || TryLookupText(name, out text))
                {
                    return true;
                }

                set = context == MarkerEvaluationContext.LockFile ? FrozenSet<string>.Empty : null;
                return set is not null;
            case MarkerVariables.Unknown:
                return TryLookupText(name, out text);
            default:
                text = _known[index];
                return text is not null;
        }
    }

    private bool TryLookupText(string name, out string? text) => _values.TryGetValue(name, out text);

    /// <summary>The parsed form of a version-valued variable (valid only when the variable is defined).</summary>
    internal VersionCandidate VersionOf(int index) => _versions[index];

    private static FrozenDictionary<string, string> ToFrozen(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(values));
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            copy[key] = value;
        }

        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string this[string key] => _values[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc/>
    public IEnumerable<string> Values => _values.Values;

    /// <inheritdoc/>
    public int Count => _values.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _values.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
