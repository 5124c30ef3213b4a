using System.Numerics;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// A set of versions of one package, as a bit per known version (index into the package's ascending version list).
/// </summary>
/// <remarks>
/// PEP 440 specifiers are not intervals (<c>!=</c>, <c>==1.*</c>, local labels, the pre- and post-release rules of
/// <c>&lt;</c> and <c>&gt;</c>), but a resolver only ever chooses among the versions the index lists. Evaluating each
/// specifier once against that finite list turns every set operation the solver needs into a few word operations.
/// </remarks>
internal sealed class VersionSet : IEquatable<VersionSet>
{
    private readonly ulong[] _words;

    private VersionSet(int universeSize, ulong[] words)
    {
        UniverseSize = universeSize;
        _words = words;
    }

    /// <summary>How many versions the package has (the size of the universe this set is part of).</summary>
    public int UniverseSize { get; }

    public static VersionSet Empty(int universeSize) => new(universeSize, new ulong[WordCount(universeSize)]);

    public static VersionSet Full(int universeSize)
    {
        var words = new ulong[WordCount(universeSize)];
        Array.Fill(words, ulong.MaxValue);
        TrimTail(universeSize, words);
        return new VersionSet(universeSize, words);
    }

    public static VersionSet Single(int universeSize, int index)
    {
        var words = new ulong[WordCount(universeSize)];
        words[index >> 6] = 1UL << (index & 63);
        return new VersionSet(universeSize, words);
    }

    public static VersionSet FromPredicate(int universeSize, Func<int, bool> contains)
    {
        var words = new ulong[WordCount(universeSize)];
        for (var index = 0; index < universeSize; index++)
        {
            if (contains(index))
            {
                words[index >> 6] |= 1UL << (index & 63);
            }
        }

        return new VersionSet(universeSize, words);
    }

    public bool IsEmpty
    {
        get
        {
            foreach (var word in _words)
            {
                if (word != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool IsFull => Count == UniverseSize;

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _words)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    public bool Contains(int index) => (_words[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>The highest version index in the set, or -1 when it is empty.</summary>
    public int Highest()
    {
        for (var word = _words.Length - 1; word >= 0; word--)
        {
            if (_words[word] != 0)
            {
                return (word << 6) + 63 - BitOperations.LeadingZeroCount(_words[word]);
            }
        }

        return -1;
    }

    /// <summary>The version indexes in the set, highest first.</summary>
    public IEnumerable<int> Descending()
    {
        for (var index = Highest(); index >= 0; index--)
        {
            if (Contains(index))
            {
                yield return index;
            }
        }
    }

    /// <summary>The version indexes in the set, lowest first.</summary>
    public IEnumerable<int> Ascending()
    {
        for (var index = 0; index < UniverseSize; index++)
        {
            if (Contains(index))
            {
                yield return index;
            }
        }
    }

    public VersionSet Intersect(VersionSet other)
    {
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _words[i] & other._words[i];
        }

        return new VersionSet(UniverseSize, words);
    }

    public VersionSet Union(VersionSet other)
    {
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _words[i] | other._words[i];
        }

        return new VersionSet(UniverseSize, words);
    }

    public VersionSet Except(VersionSet other)
    {
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _words[i] & ~other._words[i];
        }

        return new VersionSet(UniverseSize, words);
    }

    public VersionSet Complement()
    {
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = ~_words[i];
        }

        TrimTail(UniverseSize, words);
        return new VersionSet(UniverseSize, words);
    }

    public bool IsSubsetOf(VersionSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & ~other._words[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public bool Overlaps(VersionSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & other._words[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool Equals(VersionSet? other) =>
        other is not null && other.UniverseSize == UniverseSize && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => obj is VersionSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(UniverseSize);
        foreach (var word in _words)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }

    private static int WordCount(int universeSize) => Math.Max(1, (universeSize + 63) >> 6);

    private static void TrimTail(int universeSize, ulong[] words)
    {
        var used = universeSize & 63;
        if (universeSize == 0)
        {
            words[0] = 0;
        }
        else if (used != 0)
        {
            words[^1] &= (1UL << used) - 1;
        }
    }
}
