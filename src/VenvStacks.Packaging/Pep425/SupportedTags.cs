using System.Collections;

namespace VenvStacks.Packaging.Pep425;

/// <summary>
/// The tags an interpreter on a target platform accepts, most preferred first, as pip and uv rank wheels: a wheel is
/// compatible when one of its tags is in the list, and the earliest such tag is its rank (lower is better).
/// </summary>
public sealed class SupportedTags : IReadOnlyList<Tag>
{
    private readonly Tag[] _tags;
    private readonly Dictionary<Tag, int> _ranks;

    /// <summary>Creates the list from tags in preference order; a repeated tag keeps its first (best) position.</summary>
    /// <param name="tagsInPreferenceOrder">The supported tags, most preferred first.</param>
    public SupportedTags(IEnumerable<Tag> tagsInPreferenceOrder)
    {
        ArgumentNullException.ThrowIfNull(tagsInPreferenceOrder);
        _tags = [.. tagsInPreferenceOrder];
        _ranks = new Dictionary<Tag, int>(_tags.Length);
        for (var i = 0; i < _tags.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(_tags[i], nameof(tagsInPreferenceOrder));
            _ranks.TryAdd(_tags[i], i);
        }
    }

    /// <summary>The number of tags in the list.</summary>
    public int Count => _tags.Length;

    /// <summary>The tag at a preference position (0 is the most preferred).</summary>
    /// <param name="index">The position.</param>
    public Tag this[int index] => _tags[index];

    /// <summary>
    /// The tags of CPython <paramref name="major"/>.<paramref name="minor"/>: packaging's
    /// <c>cpython_tags(version, abis, platforms)</c> followed by <c>compatible_tags(version, "cpXY", platforms)</c>,
    /// which is the order pip uses. The stable ABI (<c>abi3</c>, or <c>abi3t</c> for free-threaded ABIs such as
    /// <c>cp313t</c>) is accepted back to Python 3.2, then <c>pyXY</c>/<c>pyX</c> platform tags, then the pure-Python
    /// <c>-none-any</c> fallbacks.
    /// </summary>
    /// <param name="major">The Python major version.</param>
    /// <param name="minor">The Python minor version.</param>
    /// <param name="abis">The interpreter's own ABIs, most specific first (e.g. <c>cp311</c>; <c>cp312d</c>, <c>cp312</c>).</param>
    /// <param name="platforms">The platform tags, most preferred first (see <see cref="Platforms.PlatformTags"/>).</param>
    /// <returns>The ordered supported tags.</returns>
    public static SupportedTags ForCPython(int major, int minor, IEnumerable<string> abis, IEnumerable<string> platforms)
    {
        ArgumentNullException.ThrowIfNull(abis);
        ArgumentNullException.ThrowIfNull(platforms);
        var abiList = abis.ToArray();
        var platformList = platforms.ToArray();
        var interpreter = TagSequences.Interpreter("cp", major, minor);
        return new SupportedTags(
            TagSequences.CPython(major, minor, abiList, platformList)
                .Concat(TagSequences.Compatible(major, minor, interpreter, platformList)));
    }

    /// <summary>
    /// The tags of a non-CPython interpreter such as PyPy: packaging's <c>generic_tags(interpreter, abis, platforms)</c>
    /// (which adds the <c>none</c> ABI) followed by <c>compatible_tags(version, interpreter, platforms)</c>.
    /// </summary>
    /// <param name="interpreter">The interpreter tag, e.g. <c>pp311</c>.</param>
    /// <param name="major">The Python language major version the interpreter implements.</param>
    /// <param name="minor">The Python language minor version the interpreter implements.</param>
    /// <param name="abis">The interpreter's ABIs, e.g. <c>pypy311_pp73</c>.</param>
    /// <param name="platforms">The platform tags, most preferred first.</param>
    /// <returns>The ordered supported tags.</returns>
    public static SupportedTags ForInterpreter(string interpreter, int major, int minor, IEnumerable<string> abis, IEnumerable<string> platforms)
    {
        ArgumentException.ThrowIfNullOrEmpty(interpreter);
        ArgumentNullException.ThrowIfNull(abis);
        ArgumentNullException.ThrowIfNull(platforms);
        var abiList = abis.ToArray();
        var platformList = platforms.ToArray();
        return new SupportedTags(
            TagSequences.Generic(interpreter, abiList, platformList)
                .Concat(TagSequences.Compatible(major, minor, interpreter, platformList)));
    }

    /// <summary>The preference position of a tag, or -1 when the tag is not supported.</summary>
    /// <param name="tag">The tag to look up.</param>
    /// <returns>The 0-based position, or -1.</returns>
    public int IndexOf(Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return _ranks.TryGetValue(tag, out var index) ? index : -1;
    }

    /// <summary>Whether a tag is supported.</summary>
    /// <param name="tag">The tag to look up.</param>
    /// <returns>True when the tag is in the list.</returns>
    public bool Contains(Tag tag) => IndexOf(tag) >= 0;

    /// <summary>
    /// The rank of a wheel's tag set: the lowest preference position among its tags, or null when none of them is
    /// supported (the wheel is incompatible).
    /// </summary>
    /// <param name="wheelTags">The wheel's tags.</param>
    /// <returns>The rank (lower is better), or null.</returns>
    public int? RankOf(TagSet wheelTags)
    {
        ArgumentNullException.ThrowIfNull(wheelTags);

        // Walk whichever side is shorter: a wheel has a handful of tags, the supported list has hundreds.
        if (wheelTags.Count > _tags.Length)
        {
            for (var i = 0; i < _tags.Length; i++)
            {
                if (wheelTags.Contains(_tags[i]))
                {
                    return i;
                }
            }

            return null;
        }

        var lowest = int.MaxValue;
        if (wheelTags.Expanded is { } expanded)
        {
            // The array loop keeps ranking allocation-free for every ordinary wheel.
            foreach (var tag in expanded)
            {
                lowest = Math.Min(lowest, IndexOf(tag) is var index and >= 0 ? index : int.MaxValue);
            }
        }
        else
        {
            foreach (var tag in wheelTags)
            {
                lowest = Math.Min(lowest, IndexOf(tag) is var index and >= 0 ? index : int.MaxValue);
            }
        }

        return lowest == int.MaxValue ? null : lowest;
    }

    /// <summary>Whether any of a wheel's tags is supported.</summary>
    /// <param name="wheelTags">The wheel's tags.</param>
    /// <returns>True when the wheel can be installed here.</returns>
    public bool IsCompatible(TagSet wheelTags) => RankOf(wheelTags) is not null;

    /// <summary>
    /// The compatible items, best first. Items are ranked by <see cref="RankOf"/> of their tags; items of equal rank
    /// keep their input order, and incompatible items are left out.
    /// </summary>
    /// <typeparam name="T">The item type, e.g. a wheel file name or an index entry.</typeparam>
    /// <param name="items">The candidates.</param>
    /// <param name="tagsOf">The tag set of an item.</param>
    /// <returns>The compatible items in preference order.</returns>
    public IReadOnlyList<T> SelectCompatible<T>(IEnumerable<T> items, Func<T, TagSet> tagsOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tagsOf);
        var ranked = new List<(int Rank, int Order, T Item)>();
        foreach (var item in items)
        {
            if (RankOf(tagsOf(item)) is { } rank)
            {
                ranked.Add((rank, ranked.Count, item));
            }
        }

        ranked.Sort(static (left, right) => left.Rank != right.Rank ? left.Rank.CompareTo(right.Rank) : left.Order.CompareTo(right.Order));
        return ranked.ConvertAll(entry => entry.Item);
    }

    /// <summary>Enumerates the tags, most preferred first.</summary>
    /// <returns>The tag enumerator.</returns>
    public IEnumerator<Tag> GetEnumerator() => ((IEnumerable<Tag>)_tags).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
