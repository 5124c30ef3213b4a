using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep425;

/// <summary>
/// A PEP 425 compressed tag set such as <c>py2.py3-none-any</c>: every combination of the listed interpreters, ABIs
/// and platforms. Parts are lower-cased and de-duplicated; the order of the parts has no meaning for membership.
/// </summary>
/// <remarks>
/// The set keeps its three components rather than only the expanded tags, so membership is a component check and a
/// hostile file name with many dotted parts cannot force a huge expansion up front.
/// </remarks>
public sealed class TagSet : IReadOnlyCollection<Tag>, IEquatable<TagSet>
{
    // Sets up to this size (all real wheels) are expanded once at parse time; larger ones are enumerated on demand.
    private const int EagerExpansionLimit = 1024;

    private readonly string[] _interpreters;
    private readonly string[] _abis;
    private readonly string[] _platforms;
    private readonly Tag[]? _expanded;

    private TagSet(string[] interpreters, string[] abis, string[] platforms, int count, bool isInSortedOrder)
    {
        this._interpreters = interpreters;
        this._abis = abis;
        this._platforms = platforms;
        Count = count;
        IsInSortedOrder = isInSortedOrder;
        if (count <= EagerExpansionLimit)
        {
            _expanded = new Tag[count];
            var index = 0;
            foreach (var interpreter in interpreters)
            {
                foreach (var abi in abis)
                {
                    foreach (var platform in platforms)
                    {
                        _expanded[index++] = new Tag(interpreter, abi, platform);
                    }
                }
            }
        }
    }

    /// <summary>The distinct interpreter parts, lower-cased, in the order written.</summary>
    public ImmutableArray<string> Interpreters => ImmutableCollectionsMarshal.AsImmutableArray(_interpreters);

    /// <summary>The distinct ABI parts, lower-cased, in the order written.</summary>
    public ImmutableArray<string> Abis => ImmutableCollectionsMarshal.AsImmutableArray(_abis);

    /// <summary>The distinct platform parts, lower-cased, in the order written.</summary>
    public ImmutableArray<string> Platforms => ImmutableCollectionsMarshal.AsImmutableArray(_platforms);

    /// <summary>The number of distinct tags in the set.</summary>
    public int Count { get; }

    /// <summary>
    /// Whether every dotted component was written in sorted order, as PEP 425 requires of compressed tag sets
    /// (<c>py2.py3</c> yes, <c>py3.py2</c> no). Compared by code point on the text as written, before lower-casing,
    /// as Python's <c>sorted</c> does.
    /// </summary>
    public bool IsInSortedOrder { get; }

    /// <summary>Parses a tag or compressed tag set such as <c>cp311-cp311-win_amd64</c> or <c>py2.py3-none-any</c>.</summary>
    /// <param name="text">The tag text.</param>
    /// <param name="validateOrder">When true, a dotted component that is not in sorted order is an error.</param>
    /// <returns>The tag set.</returns>
    /// <exception cref="PackagingFormatException">
    /// A component is empty, the interpreter is not an identifier, there are not exactly three components, or
    /// (with <paramref name="validateOrder"/>) a component is not sorted.
    /// </exception>
    public static TagSet Parse(string text, bool validateOrder = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, 0, text.Length, validateOrder, out var failure) ?? throw ToException(text, failure);
    }

    /// <summary>Parses a tag set, returning false instead of throwing when the text is not a valid tag set.</summary>
    /// <param name="text">The tag text.</param>
    /// <param name="tagSet">The parsed set, or null.</param>
    /// <returns>Whether the text is a valid tag set.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TagSet? tagSet)
    {
        tagSet = text is null ? null : TryParse(text, 0, text.Length, false, out _);
        return tagSet is not null;
    }

    /// <summary>Whether the set contains <paramref name="item"/>.</summary>
    /// <param name="item">The tag to look for.</param>
    /// <returns>True when each of the tag's parts is one of this set's parts for that position.</returns>
    public bool Contains(Tag item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Array.IndexOf(_platforms, item.Platform) >= 0
            && Array.IndexOf(_abis, item.Abi) >= 0
            && Array.IndexOf(_interpreters, item.Interpreter) >= 0;
    }

    /// <summary>The expanded tags when the set was small enough to expand at parse time (always, for real wheels), else null.</summary>
    internal Tag[]? Expanded => _expanded;

    /// <summary>Enumerates the tags, interpreters outermost and platforms innermost.</summary>
    /// <returns>The tag enumerator.</returns>
    public IEnumerator<Tag> GetEnumerator() => (_expanded is not null ? ((IEnumerable<Tag>)_expanded) : Expand()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Set equality: the same tags, however the compressed form was written.</summary>
    /// <param name="other">The set to compare with.</param>
    /// <returns>Whether both sets hold the same tags.</returns>
    public bool Equals(TagSet? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Count == other.Count
                && SameParts(_interpreters, other._interpreters)
                && SameParts(_abis, other._abis)
                && SameParts(_platforms, other._platforms)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TagSet);

    /// <summary>A hash that does not depend on the order the parts were written in.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(PartsHash(_interpreters), PartsHash(_abis), PartsHash(_platforms));

    /// <summary>The compressed form, lower-cased and de-duplicated, parts in the order written (<c>py2.py3-none-any</c>).</summary>
    /// <returns>The compressed tag set text.</returns>
    public override string ToString() =>
        string.Join('-', string.Join('.', _interpreters), string.Join('.', _abis), string.Join('.', _platforms));

    /// <summary>
    /// Parses <c>source[start..end]</c> as a tag set. Positions in <paramref name="failure"/> are indexes into
    /// <paramref name="source"/>, so a wheel file name parser can report them against the whole name.
    /// </summary>
    internal static TagSet? TryParse(string source, int start, int end, bool validateOrder, out TagParseFailure failure)
    {
        failure = default;

        // All dotted parts in order, and how many of them each dash-separated component has.
        var parts = new List<(int Start, int End)>(4);
        var partCounts = new List<int>(3);
        var sorted = true;
        var componentStart = start;
        var componentFirstPart = 0;
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            var atComponentEnd = i == end || source[i] == '-';
            if (!atComponentEnd && source[i] != '.')
            {
                continue;
            }

            if (partStart == i)
            {
                failure = new(TagParseError.EmptyComponent, partStart, 0, source[componentStart..ComponentEnd(source, i, end)]);
                return null;
            }

            parts.Add((partStart, i));
            partStart = i + 1;
            if (!atComponentEnd)
            {
                continue;
            }

            if (!IsSorted(source, parts, componentFirstPart))
            {
                if (validateOrder)
                {
                    failure = new(TagParseError.Unsorted, componentStart, i - componentStart, source[componentStart..i]);
                    return null;
                }

                sorted = false;
            }

            partCounts.Add(parts.Count - componentFirstPart);
            componentFirstPart = parts.Count;
            componentStart = i + 1;
        }

        // Each factor is at most the input length, so the running product cannot overflow a long before the check.
        long count = 1;
        foreach (var partCount in partCounts)
        {
            count *= partCount;
            if (count > int.MaxValue)
            {
                failure = new(TagParseError.TooManyTags, start, end - start, source[start..end]);
                return null;
            }
        }

        if (partCounts.Count != 3)
        {
            var position = partCounts.Count > 3 ? parts[partCounts[0] + partCounts[1] + partCounts[2]].Start - 1 : end;
            failure = new(TagParseError.WrongComponentCount, position, end - position, source[start..end]);
            return null;
        }

        for (var i = 0; i < partCounts[0]; i++)
        {
            var (interpreterStart, interpreterEnd) = parts[i];
            if (!PythonIdentifier.IsIdentifier(source.AsSpan(interpreterStart, interpreterEnd - interpreterStart)))
            {
                failure = new(TagParseError.InvalidInterpreter, interpreterStart, interpreterEnd - interpreterStart, source[interpreterStart..interpreterEnd]);
                return null;
            }
        }

        var interpreterParts = DistinctLowered(source, parts, 0, partCounts[0]);
        var abiParts = DistinctLowered(source, parts, partCounts[0], partCounts[1]);
        var platformParts = DistinctLowered(source, parts, partCounts[0] + partCounts[1], partCounts[2]);
        var distinctCount = interpreterParts.Length * abiParts.Length * platformParts.Length;
        return new TagSet(interpreterParts, abiParts, platformParts, distinctCount, sorted);
    }

    /// <summary>Turns a failure from <see cref="TryParse(string, int, int, bool, out TagParseFailure)"/> into the exception a tag parse throws.</summary>
    internal static PackagingFormatException ToException(string text, TagParseFailure failure) => failure.Error switch
    {
        TagParseError.EmptyComponent => TagErrors.EmptyComponent(text, failure.Fragment, failure.Position),
        TagParseError.Unsorted => TagErrors.Unsorted(text, failure.Fragment, failure.Position),
        TagParseError.WrongComponentCount => TagErrors.WrongComponentCount(text, failure.Position),
        TagParseError.InvalidInterpreter => TagErrors.InvalidInterpreter(text, failure.Fragment, failure.Position),
        _ => TagErrors.TooManyTags(text),
    };

    // packaging names the whole dash-separated component in its "empty component" message.
    private static int ComponentEnd(string source, int from, int end)
    {
        var dash = source.IndexOf('-', from, end - from);
        return dash < 0 ? end : dash;
    }

    private static bool IsSorted(string source, List<(int Start, int End)> parts, int first)
    {
        for (var i = first + 1; i < parts.Count; i++)
        {
            // Python sorts str by code point; only multi-part components get here, so the substrings are rare.
            var previous = source[parts[i - 1].Start..parts[i - 1].End];
            var current = source[parts[i].Start..parts[i].End];
            if (PythonText.CompareCodePoints(previous, current) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string[] DistinctLowered(string source, List<(int Start, int End)> parts, int first, int count)
    {
        if (count == 1)
        {
            return [PythonText.ToLower(source[parts[first].Start..parts[first].End])];
        }

        var result = new List<string>(count);
        for (var i = first; i < first + count; i++)
        {
            var lowered = PythonText.ToLower(source[parts[i].Start..parts[i].End]);
            if (!result.Contains(lowered, StringComparer.Ordinal))
            {
                result.Add(lowered);
            }
        }

        return [.. result];
    }

    private static bool SameParts(string[] left, string[] right) =>
        left.Length == right.Length && left.All(part => Array.IndexOf(right, part) >= 0);

    private static int PartsHash(string[] parts)
    {
        var hash = 0;
        foreach (var part in parts)
        {
            hash ^= StringComparer.Ordinal.GetHashCode(part);
        }

        return hash;
    }

    private IEnumerable<Tag> Expand()
    {
        foreach (var interpreter in _interpreters)
        {
            foreach (var abi in _abis)
            {
                foreach (var platform in _platforms)
                {
                    yield return new Tag(interpreter, abi, platform);
                }
            }
        }
    }
}
