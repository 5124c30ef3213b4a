using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// A PEP 440 version, parsed and ordered exactly like pypa/packaging's <c>packaging.version.Version</c>.
/// </summary>
/// <remarks>
/// <para>
/// Parsing accepts every spelling packaging accepts: surrounding whitespace, a <c>v</c> prefix, any letter case,
/// <c>alpha</c>/<c>beta</c>/<c>c</c>/<c>pre</c>/<c>preview</c>/<c>rev</c>/<c>r</c>, <c>.</c>/<c>_</c>/<c>-</c>
/// separators, implicit numbers (<c>1.0a</c>) and the implicit post-release <c>1.0-1</c>. <see cref="ToString"/>
/// returns the canonical form.
/// </para>
/// <para>
/// Ordering is PEP 440's: epoch, then the release with trailing zeros ignored, then
/// dev-only &lt; a &lt; b &lt; rc &lt; final &lt; post (each with its own <c>.devN</c> before it), then the local
/// label (none first; alphanumeric parts before numeric ones). Equality follows the ordering, so
/// <c>1.0 == 1.0.0</c> and local labels compare case-insensitively. Comparison never allocates.
/// </para>
/// <para>Numeric components are limited to <see cref="long.MaxValue"/>; larger numbers are rejected.</para>
/// </remarks>
public sealed class Version : IComparable<Version>, IEquatable<Version>
{
    private readonly long[] _release;
    private readonly int _trimmedReleaseLength;
    private readonly PreReleaseLabel _preLabel;
    private readonly long _preNumber;
    private readonly long _post;
    private readonly long _dev;
    private readonly LocalSegment[]? _local;
    private readonly sbyte _preRank;
    private string? _text;
    private int _hashCode;

    internal Version(long epoch, long[] release, PreReleaseLabel preLabel, long preNumber, long post, long dev, LocalSegment[]? local, string? canonicalText)
    {
        Epoch = epoch;
        _release = release;
        _preLabel = preLabel;
        _preNumber = preNumber;
        _post = post;
        _dev = dev;
        _local = local;
        _text = canonicalText;

        var trimmed = release.Length;
        while (trimmed > 0 && release[trimmed - 1] == 0)
        {
            trimmed--;
        }

        _trimmedReleaseLength = trimmed;

        // A dev release without pre or post sorts before every pre-release of the same release.
        _preRank = preLabel switch
        {
            PreReleaseLabel.Alpha => 0,
            PreReleaseLabel.Beta => 1,
            PreReleaseLabel.ReleaseCandidate => 2,
            _ when post < 0 && dev >= 0 => -1,
            _ => 3,
        };
    }

    /// <summary>The epoch (<c>1</c> in <c>1!2.0</c>); 0 when absent.</summary>
    public long Epoch { get; }

    /// <summary>The release segment as written, including trailing zeros (<c>[2, 0, 0]</c> for <c>2.0.0</c>).</summary>
    public ImmutableArray<long> Release => ImmutableCollectionsMarshal.AsImmutableArray(_release);

    /// <summary>The pre-release phase (<c>a</c>, <c>b</c> or <c>rc</c>) and number, or null.</summary>
    public (string Label, long Number)? Pre => _preLabel switch
    {
        PreReleaseLabel.Alpha => ("a", _preNumber),
        PreReleaseLabel.Beta => ("b", _preNumber),
        PreReleaseLabel.ReleaseCandidate => ("rc", _preNumber),
        _ => null,
    };

    /// <summary>The post-release number, or null.</summary>
    public long? Post => _post >= 0 ? _post : null;

    /// <summary>The development release number, or null.</summary>
    public long? Dev => _dev >= 0 ? _dev : null;

    /// <summary>The normalised local version label (<c>ubuntu.1</c>), or null.</summary>
    public string? Local => _local is null ? null : string.Join('.', _local.Select(segment => segment.Text));

    /// <summary>Whether this is a pre-release: it has a pre-release or a development segment.</summary>
    public bool IsPrerelease => _preLabel != PreReleaseLabel.None || _dev >= 0;

    /// <summary>Whether this version has a post-release segment.</summary>
    public bool IsPostrelease => _post >= 0;

    /// <summary>Whether this version has a development release segment.</summary>
    public bool IsDevrelease => _dev >= 0;

    /// <summary>The canonical form without the local label (<c>1!1.2.3.dev1</c> for <c>1!1.2.3dev1+abc</c>).</summary>
    public string Public => _local is null ? ToString() : Format(trimTrailingZeros: false, includeSuffixes: true, includeLocal: false);

    /// <summary>The epoch and release only (<c>1!1.2.3</c> for <c>1!1.2.3dev1+abc</c>).</summary>
    public string BaseVersion => Format(trimTrailingZeros: false, includeSuffixes: false, includeLocal: false);

    /// <summary>The first release component.</summary>
    public long Major => _release[0];

    /// <summary>The second release component, or 0.</summary>
    public long Minor => _release.Length >= 2 ? _release[1] : 0;

    /// <summary>The third release component, or 0.</summary>
    public long Micro => _release.Length >= 3 ? _release[2] : 0;

    internal PreReleaseLabel PreLabel => _preLabel;

    internal long PreNumber => _preNumber;

    /// <summary>Parses a PEP 440 version.</summary>
    /// <param name="text">The version text, for example <c>1.0</c>, <c>v2.0.0-rc.1</c> or <c>1!2.0.post1+local</c>.</param>
    /// <returns>The parsed version.</returns>
    /// <exception cref="PackagingFormatException">The text is not a valid PEP 440 version.</exception>
    public static Version Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var version = VersionParser.TryParse(text, out var position, out var detail);
        if (version is null)
        {
            var message = "Invalid version: " + PythonText.Repr(text) + (detail is null ? string.Empty : " (" + detail + ")");
            throw new PackagingFormatException(message, text, position, text.Length - position);
        }

        return version;
    }

    /// <summary>Parses a PEP 440 version without throwing.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="version">The parsed version, or null when <paramref name="text"/> is not valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid version.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Version? version)
    {
        version = text is null ? null : VersionParser.TryParse(text, out _, out _);
        return version is not null;
    }

    /// <summary>
    /// pypa/packaging's <c>canonicalize_version</c>: the canonical form of a version string, by default without
    /// trailing zeros in the release (<c>1.0.0</c> → <c>1</c>). Text that is not a valid version is returned as it is.
    /// </summary>
    /// <param name="version">The version text.</param>
    /// <param name="stripTrailingZeros">Whether to drop trailing zeros from the release (keeping at least one component).</param>
    /// <returns>The canonical form, or <paramref name="version"/> unchanged when it is not a valid version.</returns>
    public static string Canonicalize(string version, bool stripTrailingZeros = true)
    {
        ArgumentNullException.ThrowIfNull(version);
        return TryParse(version, out var parsed) ? parsed.ToCanonicalString(stripTrailingZeros) : version;
    }

    /// <summary>The canonical form, optionally without trailing zeros in the release (keeping at least one component).</summary>
    /// <param name="stripTrailingZeros">Whether to drop trailing zeros from the release.</param>
    /// <returns>For <c>1.0.0rc1</c>: <c>1rc1</c> when stripping, otherwise <c>1.0.0rc1</c>.</returns>
    public string ToCanonicalString(bool stripTrailingZeros = true)
    {
        return stripTrailingZeros && _trimmedReleaseLength < _release.Length
            ? Format(trimTrailingZeros: true, includeSuffixes: true, includeLocal: true)
            : ToString();
    }

    /// <summary>The canonical (normalised) form, for example <c>1.0rc1.post2.dev3+local.7</c>.</summary>
    /// <returns>The canonical string.</returns>
    public override string ToString()
    {
        return _text ??= Format(trimTrailingZeros: false, includeSuffixes: true, includeLocal: true);
    }

    /// <inheritdoc/>
    public int CompareTo(Version? other)
    {
        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        if (other is null)
        {
            return 1;
        }

        var result = ComparePublic(other);
        return result != 0 ? result : CompareLocal(_local, other._local);
    }

    /// <summary>Compares everything except the local label.</summary>
    internal int ComparePublic(Version other)
    {
        if (Epoch != other.Epoch)
        {
            return Epoch < other.Epoch ? -1 : 1;
        }

        var left = _release;
        var right = other._release;
        var leftLength = _trimmedReleaseLength;
        var rightLength = other._trimmedReleaseLength;
        var length = Math.Max(leftLength, rightLength);
        for (var i = 0; i < length; i++)
        {
            var a = i < leftLength ? left[i] : 0;
            var b = i < rightLength ? right[i] : 0;
            if (a != b)
            {
                return a < b ? -1 : 1;
            }
        }

        if (_preRank != other._preRank)
        {
            return _preRank < other._preRank ? -1 : 1;
        }

        if (_preNumber != other._preNumber)
        {
            return _preNumber < other._preNumber ? -1 : 1;
        }

        if (_post != other._post)
        {
            return _post < other._post ? -1 : 1;
        }

        if (_dev != other._dev)
        {
            // A development segment sorts before its absence.
            if (_dev < 0)
            {
                return 1;
            }

            if (other._dev < 0)
            {
                return -1;
            }

            return _dev < other._dev ? -1 : 1;
        }

        return 0;
    }

    private static int CompareLocal(LocalSegment[]? left, LocalSegment[]? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var result = left[i].CompareTo(right[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <summary>Same epoch and the same release once trailing zeros are ignored.</summary>
    internal bool HasSameRelease(Version other)
    {
        if (Epoch != other.Epoch || _trimmedReleaseLength != other._trimmedReleaseLength)
        {
            return false;
        }

        return _release.AsSpan(0, _trimmedReleaseLength).SequenceEqual(other._release.AsSpan(0, other._trimmedReleaseLength));
    }

    /// <summary>Same epoch, whose release zero-padded to <c>prefix.Length</c> components starts with <paramref name="prefix"/>.</summary>
    internal bool HasReleasePrefix(long epoch, ReadOnlySpan<long> prefix)
    {
        if (Epoch != epoch)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            var component = i < _release.Length ? _release[i] : 0;
            if (component != prefix[i])
            {
                return false;
            }
        }

        // Components beyond the written release are zeros, which a longer prefix may only match with zeros.
        return true;
    }

    internal ReadOnlySpan<long> ReleaseSpan => _release;

    /// <summary>This version with its development number set to 0 and no local label (the first pre-release of its family).</summary>
    internal Version WithDevZero() => new(Epoch, _release, _preLabel, _preNumber, _post, 0, null, null);

    /// <inheritdoc/>
    public bool Equals(Version? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Version other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = _hashCode;
        if (hash != 0)
        {
            return hash;
        }

        var combined = default(HashCode);
        combined.Add(Epoch);
        for (var i = 0; i < _trimmedReleaseLength; i++)
        {
            combined.Add(_release[i]);
        }

        combined.Add(_preRank);
        combined.Add(_preNumber);
        combined.Add(_post);
        combined.Add(_dev);
        if (_local is not null)
        {
            foreach (var segment in _local)
            {
                combined.Add(segment);
            }
        }

        hash = combined.ToHashCode();
        _hashCode = hash == 0 ? 1 : hash;
        return _hashCode;
    }

    /// <summary>Whether two versions are equal under PEP 440 (<c>1.0 == 1.0.0</c>).</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when both are null or they compare equal.</returns>
    public static bool operator ==(Version? left, Version? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two versions differ under PEP 440.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The negation of <c>==</c>.</returns>
    public static bool operator !=(Version? left, Version? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/> (null sorts first).</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(Version? left, Version? right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(Version? left, Version? right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(Version? left, Version? right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(Version? left, Version? right) => Compare(left, right) >= 0;

    private static int Compare(Version? left, Version? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private string Format(bool trimTrailingZeros, bool includeSuffixes, bool includeLocal)
    {
        var builder = new StringBuilder(16);
        if (Epoch != 0)
        {
            AppendNumber(builder, Epoch).Append('!');
        }

        var releaseLength = trimTrailingZeros ? Math.Max(1, _trimmedReleaseLength) : _release.Length;
        for (var i = 0; i < releaseLength; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendNumber(builder, _release[i]);
        }

        if (includeSuffixes)
        {
            if (_preLabel != PreReleaseLabel.None)
            {
                builder.Append(_preLabel switch
                {
                    PreReleaseLabel.Alpha => "a",
                    PreReleaseLabel.Beta => "b",
                    _ => "rc",
                });
                AppendNumber(builder, _preNumber);
            }

            if (_post >= 0)
            {
                AppendNumber(builder.Append(".post"), _post);
            }

            if (_dev >= 0)
            {
                AppendNumber(builder.Append(".dev"), _dev);
            }
        }

        if (includeLocal && _local is not null)
        {
            builder.Append('+');
            for (var i = 0; i < _local.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('.');
                }

                builder.Append(_local[i].Text);
            }
        }

        return builder.ToString();
    }

    private static StringBuilder AppendNumber(StringBuilder builder, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        return builder.Append(digits[..written]);
    }
}
