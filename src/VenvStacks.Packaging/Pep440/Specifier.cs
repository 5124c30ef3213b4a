using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// One PEP 440 version specifier such as <c>&gt;=1.2</c>, <c>~=2.0.1</c>, <c>==1.4.*</c> or <c>===foo</c>,
/// matching exactly like pypa/packaging 26's <c>packaging.specifiers.Specifier</c>.
/// </summary>
/// <remarks>
/// <para>
/// Matching rules: <c>==V</c> ignores a candidate's local label unless <c>V</c> has one; <c>==V.*</c> is a
/// zero-padded release prefix match; <c>&lt;=V</c> also admits <c>V+local</c>; <c>&lt;V</c> excludes pre-releases
/// of <c>V</c> unless <c>V</c> is one; <c>&gt;V</c> excludes <c>V+local</c> and, unless <c>V</c> is a post- or
/// dev release, <c>V</c>'s post-releases; <c>~=V</c> is <c>&gt;=V</c> with the release prefix of <c>V</c> minus
/// its last component; <c>===</c> compares the text case-insensitively.
/// </para>
/// <para>
/// Pre-releases: <see cref="Contains(Version, bool?)"/> accepts a pre-release unless the effective policy is
/// false (a single version has no alternatives); <see cref="Filter(IEnumerable{string}, bool?)"/> applies PEP 440's
/// default and returns pre-releases only when no final release matched.
/// </para>
/// </remarks>
public sealed class Specifier : IEquatable<Specifier>
{
    private readonly Version? _version;
    private readonly Version? _lessThanBound;
    private readonly bool _isWildcard;
    private readonly bool _hasLocal;
    private readonly bool? _effectivePrereleases;
    // What equality and hashing use: operator and version with trailing zeros dropped (kept for ~=).
    private readonly string _canonicalKey;
    private readonly string? _arbitraryLower;
    private readonly string _text;

    private Specifier(SpecifierOperator op, string version, Version? parsed, bool? prereleases)
    {
        Kind = op;
        Operator = SpecifierGrammar.ToText(op);
        Version = version;
        _text = Operator + version;
        _version = parsed;
        _isWildcard = version.EndsWith(".*", StringComparison.Ordinal);
        _hasLocal = version.Contains('+', StringComparison.Ordinal);
        if (op == SpecifierOperator.ArbitraryEqual)
        {
            _arbitraryLower = PythonText.ToLower(version);
            _canonicalKey = _text;
        }
        else
        {
            _canonicalKey = Operator + (_isWildcard ? version : parsed!.ToCanonicalString(stripTrailingZeros: op != SpecifierOperator.Compatible));
        }

        if (op == SpecifierOperator.LessThan && !parsed!.IsPrerelease)
        {
            _lessThanBound = parsed.WithDevZero();
        }

        Prereleases = prereleases ?? DetectPrereleases(op, version, parsed, _isWildcard);
        _effectivePrereleases = prereleases ?? (Prereleases == true ? true : null);
    }

    private static bool? DetectPrereleases(SpecifierOperator op, string version, Version? parsed, bool isWildcard)
    {
        if (op == SpecifierOperator.NotEqual || (op == SpecifierOperator.Equal && isWildcard))
        {
            return false;
        }

        if (op == SpecifierOperator.ArbitraryEqual)
        {
            return Pep440.Version.TryParse(version, out var arbitrary) ? arbitrary.IsPrerelease : null;
        }

        return parsed!.IsPrerelease;
    }

    /// <summary>The operator: <c>~=</c>, <c>==</c>, <c>!=</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&gt;</c> or <c>===</c>.</summary>
    public string Operator { get; }

    /// <summary>The version as written after the operator, without surrounding whitespace (<c>1.2.*</c>, <c>V1.0</c>).</summary>
    public string Version { get; }

    /// <summary>
    /// Whether pre-releases are allowed: the value given to <see cref="Parse"/>, otherwise auto-detected — true when
    /// the specifier's own version is a pre-release, except for <c>!=</c> and <c>==V.*</c> (false), and null for a
    /// <c>===</c> text that is not a version.
    /// </summary>
    public bool? Prereleases { get; }

    internal SpecifierOperator Kind { get; }

    /// <summary>Parses one specifier.</summary>
    /// <param name="text">The specifier, for example <c>&gt;= 1.0</c>; surrounding whitespace is ignored.</param>
    /// <param name="prereleases">An explicit pre-release policy, or null to auto-detect it.</param>
    /// <returns>The specifier.</returns>
    /// <exception cref="PackagingFormatException">The text is not a valid specifier.</exception>
    public static Specifier Parse(string text, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, 0, text.Length, prereleases, out var specifier, out var errorPosition)
            ? specifier
            : throw new PackagingFormatException("Invalid specifier: " + PythonText.Repr(text), text, errorPosition, text.Length - errorPosition);
    }

    /// <summary>Parses one specifier without throwing.</summary>
    /// <param name="text">The specifier text.</param>
    /// <param name="specifier">The specifier, or null when <paramref name="text"/> is not valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid specifier.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Specifier? specifier)
    {
        specifier = null;
        return text is not null && TryParseCore(text, 0, text.Length, null, out specifier, out _);
    }

    /// <summary>Parses <c>text[start..end]</c>; on failure reports the index (into <paramref name="text"/>) where recognition stopped.</summary>
    internal static bool TryParseCore(string text, int start, int end, bool? prereleases, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Specifier? specifier, out int errorPosition)
    {
        specifier = null;
        var span = text.AsSpan(0, end);
        var bodyStart = SpecifierGrammar.SkipWhiteSpace(span, start);
        var bodyEnd = SpecifierGrammar.Match(span, bodyStart, out var op);
        if (bodyEnd < 0)
        {
            errorPosition = bodyStart;
            return false;
        }

        if (SpecifierGrammar.SkipWhiteSpace(span, bodyEnd) != end)
        {
            errorPosition = bodyEnd;
            return false;
        }

        var operatorLength = op switch
        {
            SpecifierOperator.ArbitraryEqual => 3,
            SpecifierOperator.LessThan or SpecifierOperator.GreaterThan => 1,
            _ => 2,
        };
        var version = PythonText.Strip(span[(bodyStart + operatorLength)..bodyEnd]).ToString();
        Version? parsed = null;
        if (op != SpecifierOperator.ArbitraryEqual)
        {
            var versionText = version.EndsWith(".*", StringComparison.Ordinal) ? version[..^2] : version;
            if (!Pep440.Version.TryParse(versionText, out parsed))
            {
                // The grammar only admits valid versions; a number too large for 64 bits is the one way to get here.
                errorPosition = bodyStart + operatorLength;
                return false;
            }
        }

        specifier = new Specifier(op, version, parsed, prereleases);
        errorPosition = -1;
        return true;
    }

    /// <summary>Whether <paramref name="version"/> satisfies this specifier.</summary>
    /// <param name="version">The candidate version.</param>
    /// <param name="prereleases">Overrides the pre-release policy for this call; null uses <see cref="Prereleases"/>
    /// (only an explicit false rejects a pre-release).</param>
    /// <returns>Whether the version is contained.</returns>
    public bool Contains(Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Contains(VersionCandidate.FromVersion(version), prereleases);
    }

    /// <summary>Whether the version text satisfies this specifier. Text that is not a valid version matches only <c>===</c>.</summary>
    /// <param name="version">The candidate version text.</param>
    /// <param name="prereleases">Overrides the pre-release policy for this call.</param>
    /// <returns>Whether the version is contained.</returns>
    public bool Contains(string version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Contains(VersionCandidate.FromText(version), prereleases);
    }

    internal bool Contains(VersionCandidate candidate, bool? prereleases)
    {
        var policy = prereleases ?? _effectivePrereleases;
        return Matches(candidate) && !(policy == false && candidate.IsPrerelease);
    }

    /// <summary>The items whose version satisfies this specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <param name="versions">Version texts; texts that are not versions match only <c>===</c>.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null returns them only when no final release matched.</param>
    /// <returns>The matching texts.</returns>
    public IEnumerable<string> Filter(IEnumerable<string> versions, bool? prereleases = null) => Filter(versions, static text => text, prereleases);

    /// <summary>The versions that satisfy this specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <param name="versions">The candidate versions.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null returns them only when no final release matched.</param>
    /// <returns>The matching versions.</returns>
    public IEnumerable<Version> Filter(IEnumerable<Version> versions, bool? prereleases = null) => Filter(versions, static version => version, prereleases);

    /// <summary>The items whose version satisfies this specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The candidates.</param>
    /// <param name="versionOf">Gets an item's version.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null returns them only when no final release matched.</param>
    /// <returns>The matching items.</returns>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, Version> versionOf, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(versionOf);
        return PrereleaseFiltering.Filter(items, item => VersionCandidate.FromVersion(versionOf(item)), Matches, prereleases ?? _effectivePrereleases);
    }

    /// <summary>The items whose version text satisfies this specifier, in input order, with PEP 440's pre-release default.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The candidates.</param>
    /// <param name="versionOf">Gets an item's version text.</param>
    /// <param name="prereleases">True keeps pre-releases, false drops them, null returns them only when no final release matched.</param>
    /// <returns>The matching items.</returns>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, string> versionOf, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(versionOf);
        return PrereleaseFiltering.Filter(items, item => VersionCandidate.FromText(versionOf(item)), Matches, prereleases ?? _effectivePrereleases);
    }


    /// <summary>Whether the candidate satisfies the operator, before any pre-release policy.</summary>
    internal bool Matches(VersionCandidate candidate)
    {
        if (Kind == SpecifierOperator.ArbitraryEqual)
        {
            return string.Equals(PythonText.ToLower(candidate.Text), _arbitraryLower, StringComparison.Ordinal);
        }

        return candidate.Parsed is { } parsed && Matches(parsed);
    }

    /// <summary>Whether the version satisfies a standard operator (never called for <c>===</c>).</summary>
    internal bool Matches(Version candidate)
    {
        var version = _version!;
        switch (Kind)
        {
            case SpecifierOperator.Equal:
                return IsEqual(candidate, version);
            case SpecifierOperator.NotEqual:
                return !IsEqual(candidate, version);
            case SpecifierOperator.GreaterThanOrEqual:
                return candidate.CompareTo(version) >= 0;
            case SpecifierOperator.LessThanOrEqual:
                // V+local sits above V yet belongs to it.
                return candidate.CompareTo(version) <= 0 || candidate.ComparePublic(version) == 0;
            case SpecifierOperator.LessThan:
                // <V leaves out V's own pre-releases unless V is one: the bound is then V.dev0.
                return candidate.CompareTo(_lessThanBound ?? version) < 0;
            case SpecifierOperator.GreaterThan:
                if (candidate.CompareTo(version) <= 0)
                {
                    return false;
                }

                if (version.IsDevrelease || version.IsPostrelease)
                {
                    return candidate.ComparePublic(version) != 0;
                }

                // >V leaves out V+local and V's post-releases.
                return !(candidate.HasSameRelease(version) && candidate.PreLabel == version.PreLabel && candidate.PreNumber == version.PreNumber);
            case SpecifierOperator.Compatible:
                return candidate.CompareTo(version) >= 0
                    && candidate.HasReleasePrefix(version.Epoch, version.ReleaseSpan[..^1]);
            default:
                return false;
        }
    }

    private bool IsEqual(Version candidate, Version version)
    {
        if (_isWildcard)
        {
            return candidate.HasReleasePrefix(version.Epoch, version.ReleaseSpan);
        }

        return _hasLocal ? candidate.CompareTo(version) == 0 : candidate.ComparePublic(version) == 0;
    }

    /// <summary>The operator followed by the version as written, for example <c>&gt;=1.0</c>.</summary>
    /// <returns>The specifier text.</returns>
    public override string ToString() => _text;

    /// <summary>Whether both specifiers are the same operator and version once trailing zeros are ignored (not for <c>~=</c>); the pre-release policy is ignored.</summary>
    /// <param name="other">The other specifier.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Specifier? other) => other is not null && string.Equals(_canonicalKey, other._canonicalKey, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Specifier other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_canonicalKey);
}
